package dev.userbench.kernel.runtime;

/**
 * IJava's {@code getKernelInstance()}, statically imported into every session. Notebooks use it to
 * publish a prepared {@code DisplayData} ({@code getKernelInstance().display(dd)}) or to register a
 * renderer ({@code getKernelInstance().getRenderer().createRegistration(...)}).
 */
public final class Kernel {
    private Kernel() {
    }

    /** The target that {@link Display#bind} installed, or null when no kernel runs. */
    public static DisplayTarget getKernelInstance() {
        return Display.boundTarget();
    }
}
