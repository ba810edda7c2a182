package dev.userbench.kernel;

import dev.userbench.kernel.runtime.DisplayTarget;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.common.Url;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the kernel: renders like it, and remembers what cell code published. */
final class RecordingDisplayTarget implements DisplayTarget {
    /** One display_data ({@code update == false}) or update_display_data message. */
    record Published(boolean update, String displayId, DisplayData data) {
    }

    private final Renderer renderer = new Renderer();
    private final List<Published> published = new CopyOnWriteArrayList<>();

    RecordingDisplayTarget() {
        // the same renderers BaseKernel registers
        Image.registerAll(renderer);
        Url.registerAll(renderer);
        Text.registerAll(renderer);
    }

    List<Published> published() {
        return List.copyOf(published);
    }

    @Override
    public Renderer getRenderer() {
        return renderer;
    }

    @Override
    public void display(DisplayData data) {
        published.add(new Published(false, data.getDisplayId(), data));
    }

    @Override
    public void updateDisplay(String displayId, DisplayData data) {
        published.add(new Published(true, displayId, data));
    }
}
