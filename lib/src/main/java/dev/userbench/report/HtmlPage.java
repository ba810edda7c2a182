package dev.userbench.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A self-contained HTML document, built fluently and immutably:
 *
 * <pre>{@code
 * HtmlPage.titled("Hot and cold columns").heading("Inserts").chart(insertChart).table(insertTable)
 *         .write(Path.of("report.html"));
 * }</pre>
 *
 * With plotly.js bundled the page needs no network at all: the loader goes once into the head.
 */
public final class HtmlPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#222;\
            max-width:1000px;margin:2em auto;padding:0 1em;line-height:1.5}\
            h1,h2,h3{line-height:1.25}\
            .userbench-chart{margin:1em 0}""";

    private final String title;
    private final PlotlyJs plotly;
    private final List<Block> blocks;

    /** A piece of the body; charts are kept as charts so each gets its html with the page's plotly. */
    private sealed interface Block permits Markup, ChartBlock {
    }

    private record Markup(String html) implements Block {
    }

    private record ChartBlock(Chart chart) implements Block {
    }

    private HtmlPage(String title, PlotlyJs plotly, List<Block> blocks) {
        this.title = title;
        this.plotly = plotly;
        this.blocks = List.copyOf(blocks);
    }

    /** A page whose charts use the plotly.js bundled in this jar (or the CDN if the build could not bundle it). */
    public static HtmlPage titled(String title) {
        return new HtmlPage(Objects.requireNonNull(title, "title"), PlotlyJs.fromClasspath(), List.of());
    }

    public HtmlPage plotly(PlotlyJs newPlotly) {
        return new HtmlPage(title, Objects.requireNonNull(newPlotly, "plotly"), blocks);
    }

    /** A second-level heading (the page title is the only h1). */
    public HtmlPage heading(String text) {
        return heading(2, text);
    }

    public HtmlPage heading(int level, String text) {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level must be 1 to 6, not " + level);
        }
        return with(new Markup("<h" + level + ">" + Html.escape(text) + "</h" + level + ">"));
    }

    /** Plain text, escaped. */
    public HtmlPage paragraph(String text) {
        return with(new Markup("<p>" + Html.escape(text) + "</p>"));
    }

    /** Trusted HTML inserted as is. */
    public HtmlPage raw(String html) {
        return with(new Markup(Objects.requireNonNull(html, "html")));
    }

    public HtmlPage table(Table table) {
        return with(new Markup(HtmlTables.html(table)));
    }

    public HtmlPage chart(Chart chart) {
        return with(new ChartBlock(Objects.requireNonNull(chart, "chart")));
    }

    /** The whole document; the plotly loader appears once, in the head, and only if the page has a chart. */
    public String html() {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n");
        if (blocks.stream().anyMatch(ChartBlock.class::isInstance)) {
            out.append(plotly.loaderHtml()).append('\n');
        }
        out.append("</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        for (Block block : blocks) {
            out.append(block instanceof ChartBlock chartBlock ? chartBlock.chart().html(plotly) : ((Markup) block).html())
                    .append('\n');
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** Writes the document as UTF-8, creating parent folders as needed. */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(html());
        }
        return file;
    }

    private HtmlPage with(Block block) {
        List<Block> more = new ArrayList<>(blocks);
        more.add(block);
        return new HtmlPage(title, plotly, more);
    }
}
