package dev.userbench.report;

import java.util.List;

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Yellow is last because it has
 * little contrast on white.
 */
final class Palette {
    private static final List<String> COLOURS =
            List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442");

    private Palette() {
    }

    static String colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }

    /** The colour with an alpha channel, for box fills. */
    static String translucent(int index, double alpha) {
        String hex = colour(index);
        int r = Integer.parseInt(hex.substring(1, 3), 16);
        int g = Integer.parseInt(hex.substring(3, 5), 16);
        int b = Integer.parseInt(hex.substring(5, 7), 16);
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", r, g, b, alpha);
    }
}
