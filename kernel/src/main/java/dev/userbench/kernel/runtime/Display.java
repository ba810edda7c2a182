package dev.userbench.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * The display functions that cells call, statically imported into every JShell session. Their
 * signatures are IJava's ({@code io.github.spencerpark.ijava.runtime.Display}), so notebooks written for
 * IJava run unchanged.
 *
 * <p>Cell code runs in the kernel's JVM and sees this very class, which is why a static binding to the
 * {@link DisplayTarget} is enough to reach the kernel. There is one kernel per JVM.
 */
public final class Display {
    private static volatile DisplayTarget target;

    private Display() {
    }

    /** Routes all later display calls to {@code newTarget}. */
    public static void bind(DisplayTarget newTarget) {
        target = newTarget;
    }

    /** Renders {@code o} as its preferred MIME types, without publishing it. */
    public static DisplayData render(Object o) {
        return target().getRenderer().render(o);
    }

    /** Renders {@code o} as the requested MIME types (plus text/plain), without publishing it. */
    public static DisplayData render(Object o, String... mimeTypes) {
        return target().getRenderer().renderAs(o, mimeTypes);
    }

    /** Shows {@code o} now and returns the display id that {@link #updateDisplay(String, Object)} can target. */
    public static String display(Object o) {
        return publish(render(o));
    }

    /** Shows {@code o} as the requested MIME types and returns the display id. */
    public static String display(Object o, String... mimeTypes) {
        return publish(render(o, mimeTypes));
    }

    /** Replaces what an earlier {@code display} showed under {@code id}. */
    public static void updateDisplay(String id, Object o) {
        target().updateDisplay(id, render(o));
    }

    /** Replaces what an earlier {@code display} showed under {@code id}, as the requested MIME types. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        target().updateDisplay(id, render(o, mimeTypes));
    }

    private static String publish(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        target().display(data);
        return id;
    }

    static DisplayTarget boundTarget() {
        return target;
    }

    private static DisplayTarget target() {
        DisplayTarget current = target;
        if (current == null) {
            throw new IllegalStateException("No kernel is running, so there is nowhere to display to");
        }
        return current;
    }
}
