package dev.userbench.report;

import java.util.List;
import java.util.Locale;

/**
 * Numbers as they read in a sentence, for prose that is computed from results rather than typed: ratios as
 * {@code 2.10×}, differences as {@code 52 % less}, seconds with the study's four decimals. Locale-independent, so
 * a notebook renders the same everywhere.
 */
public final class Prose {

    private Prose() {
    }

    /** A ratio with two decimals and a times sign: {@code 0.45×}. */
    public static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** How a ratio of times reads as a change: {@code 55 % less time}, {@code 33 % more time}, {@code the same time}. */
    public static String change(double ratio) {
        long percent = Math.round(Math.abs(ratio - 1) * 100);
        if (percent == 0) {
            return "about the same time";
        }
        return percent + " % " + (ratio < 1 ? "less" : "more") + " time";
    }

    /** A fraction as a whole percentage: {@code 0.05} is {@code 5 %}. */
    public static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }

    /** Seconds as the study printed them: four decimals. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.4f s", seconds);
    }

    /** Microseconds, readable: {@code 3.41 µs}, {@code 1,234 µs}. */
    public static String micros(double micros) {
        return Numbers.readable(micros) + " µs";
    }

    /** Bytes in MiB with two decimals. */
    public static String mebibytes(double bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Grouped integer: {@code 10,000}. */
    public static String count(long value) {
        return Numbers.integer(value);
    }

    /**
     * An interval's bounds as {@code 0.39–0.51}; {@link #level} says at what level it was read. Two decimals, more
     * where two would move a bound onto or across 1 ({@code 0.9964} is {@code 0.996}, not {@code 1.00}), so an
     * interval that excludes 1 never reads as one that holds it.
     */
    public static String interval(double low, double high) {
        int decimals = Math.max(decimalsKeepingSideOfOne(low), decimalsKeepingSideOfOne(high));
        return String.format(Locale.ROOT, "%." + decimals + "f–%." + decimals + "f", low, high);
    }

    private static int decimalsKeepingSideOfOne(double value) {
        int decimals = 2;
        while (decimals < 8) {
            double rounded = Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", value));
            if (Double.compare(rounded, 1.0) == Double.compare(value, 1.0)) {
                break;
            }
            decimals++;
        }
        return decimals;
    }

    /**
     * An interval's level as a percentage: exact when two or three decimals say it ({@code 0.9875} is
     * {@code 98.75 %}, {@code 0.9995} is {@code 99.95 %}), else to one decimal, with more only where one would
     * round it to 100 %: {@code 0.95} is {@code 95 %}, a Holm-adjusted {@code 1 - 0.05/30} is {@code 99.8 %}.
     */
    public static String level(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence level lies between 0 and 1, got " + confidence);
        }
        double percent = confidence * 100;
        for (int decimals = 0; decimals <= 3; decimals++) {
            double scale = Math.pow(10, decimals);
            if (Math.abs(percent * scale - Math.rint(percent * scale)) < 1e-6) {
                return String.format(Locale.ROOT, "%." + decimals + "f", percent) + " %";
            }
        }
        for (int decimals = 1; ; decimals++) {
            String text = String.format(Locale.ROOT, "%." + decimals + "f", percent);
            if (Double.parseDouble(text) < 100 || decimals >= 6) {
                return text + " %";
            }
        }
    }

    /** Sentences as a Markdown bullet list. */
    public static String bullets(List<String> sentences) {
        StringBuilder markdown = new StringBuilder();
        for (String sentence : sentences) {
            markdown.append("- ").append(sentence).append('\n');
        }
        return markdown.toString();
    }
}
