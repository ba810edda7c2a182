package dev.userbench.report;

import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG writer for the static chart pictures. Every piece of text goes through {@link Html#escape}, and
 * coordinates are written with one decimal in the ROOT locale so the markup is stable and compact.
 */
final class Svg {
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    enum Anchor {
        START("start"), MIDDLE("middle"), END("end");

        private final String svgName;

        Anchor(String svgName) {
            this.svgName = svgName;
        }
    }

    private final StringBuilder out = new StringBuilder(8192);

    Svg(int width, int height, String accessibleTitle) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ueb-static-chart\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(accessibleTitle))
                .append("\" style=\"max-width:100%;height:auto;background:#fff\" font-family=\"").append(Html.escape(FONT))
                .append("\">");
        out.append("<title>").append(Html.escape(accessibleTitle)).append("</title>");
    }

    /** Rough width of a text in pixels; good enough to size margins and decide on rotated labels. */
    static double textWidth(String text, double fontSize) {
        return text.length() * fontSize * 0.58;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return line(x1, y1, x2, y2, stroke, width, null);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dashArray) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        if (dashArray != null) {
            out.append(" stroke-dasharray=\"").append(dashArray).append('"');
        }
        out.append("/>");
        return this;
    }

    Svg rect(double x, double y, double width, double height, String fill, String stroke) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, width))).append("\" height=\"").append(n(Math.max(0, height)))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
        }
        out.append("/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    Svg polyline(List<double[]> points, String stroke, double width) {
        out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(width))
                .append("\" stroke-linejoin=\"round\" points=\"");
        for (double[] point : points) {
            out.append(n(point[0])).append(',').append(n(point[1])).append(' ');
        }
        out.append("\"/>");
        return this;
    }

    Svg text(double x, double y, String text, Anchor anchor, double fontSize, String colour) {
        return text(x, y, text, anchor, fontSize, colour, false, 0);
    }

    /** Text whose baseline sits at y; {@code rotation} in degrees around (x, y). */
    Svg text(double x, double y, String text, Anchor anchor, double fontSize, String colour, boolean bold,
             double rotation) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor.svgName).append("\" font-size=\"").append(n(fontSize)).append("\" fill=\"")
                .append(colour).append('"');
        if (bold) {
            out.append(" font-weight=\"600\"");
        }
        if (rotation != 0) {
            out.append(" transform=\"rotate(").append(n(rotation)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    String close() {
        return out + "</svg>";
    }

    private static String n(double value) {
        String formatted = String.format(Locale.ROOT, "%.1f", value);
        return formatted.endsWith(".0") ? formatted.substring(0, formatted.length() - 2) : formatted;
    }
}
