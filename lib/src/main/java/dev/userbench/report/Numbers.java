package dev.userbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Human-readable number formatting shared by tables and chart ticks (locale-independent, so output is stable). */
final class Numbers {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Numbers() {
    }

    /** Three significant digits for small values, grouped integers for large ones: 0.000123, 1.23, 123.4, 12,346. */
    static String readable(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 1000) {
            return withDecimals(value, 0);
        }
        if (magnitude >= 100) {
            return withDecimals(value, 1);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
        return new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN))
                .setScale(Math.min(decimals, 12), RoundingMode.HALF_EVEN).toPlainString();
    }

    static String integer(long value) {
        return withDecimals(value, 0);
    }

    /** Fixed decimals with thousands grouping. */
    static String withDecimals(double value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    /** A tick label: as many decimals as the tick step needs, no more. */
    static String tick(double value, double step) {
        if (Math.abs(value) < step * 1e-9) {
            return "0";
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return withDecimals(value, Math.min(decimals, 10));
    }
}
