package dev.userbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {
    private static final String STAND_IN = "window.Plotly=window.Plotly||{standIn:true};";

    private static HtmlPage report(PlotlyJs plotly) {
        return HtmlPage.titled("Hot & cold columns").plotly(plotly)
                .heading("Inserts")
                .paragraph("Split tables insert <slower> as written.")
                .chart(SampleResults.barChart())
                .table(SampleResults.timePerOperation())
                .chart(SampleResults.intervalChart());
    }

    @Test
    void aBundledPageEmbedsPlotlyInlineOnceInTheHeadAndNeverMentionsTheCdn() {
        String html = report(PlotlyJs.withBundle(STAND_IN)).html();

        String head = html.substring(0, html.indexOf("</head>"));
        assertThat(head).contains(STAND_IN);
        assertThat(html.indexOf(STAND_IN)).isEqualTo(html.lastIndexOf(STAND_IN));
        assertThat(html).doesNotContain("cdn.plot.ly");
    }

    @Test
    void anUnbundledPageReferencesThePinnedCdnVersion() {
        String html = report(PlotlyJs.fromCdn()).html();

        assertThat(html).contains("https://cdn.plot.ly/plotly-2.35.2.min.js").doesNotContain("plotly-latest");
    }

    @Test
    void titleHeadingsAndParagraphsAreEscapedAndKeptInOrder() {
        String html = report(PlotlyJs.withBundle(STAND_IN)).html();

        assertThat(html).contains("<title>Hot &amp; cold columns</title>", "<h1>Hot &amp; cold columns</h1>",
                "<p>Split tables insert &lt;slower&gt; as written.</p>");
        assertThat(html.indexOf("<h2>Inserts</h2>")).isLessThan(html.indexOf("<svg"));
        assertThat(html.indexOf("<table")).isGreaterThan(html.indexOf("<svg")).isLessThan(html.lastIndexOf("<svg"));
    }

    @Test
    void aPageWithoutChartsCarriesNoPlotly() {
        String html = HtmlPage.titled("tables only").plotly(PlotlyJs.withBundle(STAND_IN))
                .table(SampleResults.loginRatios()).html();

        assertThat(html).doesNotContain(STAND_IN, "<script");
    }

    @Test
    void writeCreatesFoldersAndWritesTheDocumentAsUtf8(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("nested/report.html");

        report(PlotlyJs.withBundle(STAND_IN)).write(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("split ÷ monolith").endsWith("</html>\n");
    }

    @Test
    void pagesAreImmutableSoABaseCanBeReused() {
        HtmlPage base = HtmlPage.titled("base").plotly(PlotlyJs.fromCdn());

        base.paragraph("only in the copy");

        assertThat(base.html()).doesNotContain("only in the copy");
    }
}
