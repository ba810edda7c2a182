package dev.userbench.report;

import java.util.ArrayList;
import java.util.List;

/** Maps data values to pixels along one axis of a static chart, and proposes readable ticks. */
interface Scale {
    double pixel(double value);

    List<Tick> ticks();

    record Tick(double value, String label) {
    }

    /**
     * A linear scale over [min, max] widened to "nice" tick boundaries (steps of 1, 2 or 5 times a power of ten),
     * like plotly's autorange, so static and live charts read alike.
     */
    static Scale linear(double min, double max, double fromPixel, double toPixel) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / 5);
        double low = Math.floor(min / step + 1e-9) * step;
        double high = Math.ceil(max / step - 1e-9) * step;
        List<Tick> ticks = new ArrayList<>();
        for (double v = low; v <= high + step * 1e-6; v += step) {
            double rounded = Math.round(v / step) * step;
            ticks.add(new Tick(rounded, Numbers.tick(rounded, step)));
        }
        double lowEnd = low;
        double span = high - low;
        List<Tick> fixed = List.copyOf(ticks);
        return new Scale() {
            @Override
            public double pixel(double value) {
                return fromPixel + (value - lowEnd) / span * (toPixel - fromPixel);
            }

            @Override
            public List<Tick> ticks() {
                return fixed;
            }
        };
    }

    /** A base-10 logarithmic scale spanning whole decades, ticked at 1, 2 and 5 when it covers few decades. */
    static Scale logarithmic(double min, double max, double fromPixel, double toPixel) {
        double positiveMin = min > 0 ? min : Math.max(max / 1000, Double.MIN_NORMAL);
        double low = Math.floor(Math.log10(positiveMin) + 1e-9);
        double high = Math.ceil(Math.log10(Math.max(max, positiveMin)) - 1e-9);
        if (high <= low) {
            high = low + 1;
        }
        boolean fewDecades = high - low <= 2;
        List<Tick> ticks = new ArrayList<>();
        for (int decade = (int) low; decade <= (int) high; decade++) {
            double base = Math.pow(10, decade);
            ticks.add(new Tick(base, Numbers.tick(base, Math.min(base, 1))));
            if (fewDecades && decade < high) {
                ticks.add(new Tick(2 * base, Numbers.tick(2 * base, Math.min(base, 1))));
                ticks.add(new Tick(5 * base, Numbers.tick(5 * base, Math.min(base, 1))));
            }
        }
        double lowEnd = low;
        double span = high - low;
        List<Tick> fixed = List.copyOf(ticks);
        return new Scale() {
            @Override
            public double pixel(double value) {
                double exponent = value > 0 ? Math.log10(value) : lowEnd;
                return fromPixel + (exponent - lowEnd) / span * (toPixel - fromPixel);
            }

            @Override
            public List<Tick> ticks() {
                return fixed;
            }
        };
    }

    static Scale of(boolean logarithmic, double min, double max, double fromPixel, double toPixel) {
        return logarithmic ? logarithmic(min, max, fromPixel, toPixel) : linear(min, max, fromPixel, toPixel);
    }

    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
