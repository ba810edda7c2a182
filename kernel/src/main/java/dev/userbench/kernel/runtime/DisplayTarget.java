package dev.userbench.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Where cell code's displays go: the running kernel, or a recorder in tests. The method names follow
 * IJava's kernel ({@code getKernelInstance().getRenderer()}, {@code .display(dd)}), so notebook code
 * written against IJava's kernel object keeps working.
 */
public interface DisplayTarget {
    Renderer getRenderer();

    /** Publishes a display_data message. */
    void display(DisplayData data);

    /** Publishes an update_display_data message that replaces the output shown under {@code displayId}. */
    void updateDisplay(String displayId, DisplayData data);
}
