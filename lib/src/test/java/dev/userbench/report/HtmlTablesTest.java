package dev.userbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTablesTest {

    @Test
    void everyRowIsRenderedEvenBeyondTablesawsPrintLimit() {
        int rows = 60;
        Table table = Table.create("many", IntColumn.indexColumn("n", rows, 1));

        String html = HtmlTables.html(table);

        assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + rows);
        assertThat(html).contains(">60</td>");
    }

    @Test
    void textInNamesAndCellsIsEscaped() {
        Table table = Table.create("<b>t</b>", StringColumn.create("<th>", "<script>alert(1)</script>", "a & b"));

        String html = HtmlTables.html(table);

        assertThat(html).doesNotContain("<script", "<b>", "<th>&").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "a &amp; b", "&lt;th&gt;", "&lt;b&gt;t&lt;/b&gt;");
    }

    @Test
    void numbersAreRightAlignedAndFormattedReadablyWhileTextIsLeftAligned() {
        Table table = Table.create("r",
                StringColumn.create("layout", "monolith"),
                IntColumn.create("rows", new int[] {1234567}),
                DoubleColumn.create("seconds", 0.000123456),
                DoubleColumn.create("ratio", 1.23456),
                DoubleColumn.create("bytes", 9876.5));

        String html = HtmlTables.html(table);

        assertThat(html).contains("text-align:left\">monolith<", "text-align:right\">1,234,567<",
                "text-align:right\">0.000123<", "text-align:right\">1.23<", "text-align:right\">9,876<");
    }

    @Test
    void missingValuesAreEmptyCells() {
        Table table = Table.create("r", DoubleColumn.create("x", Double.NaN, 2.5));

        assertThat(HtmlTables.html(table)).contains("text-align:right\"></td>", "text-align:right\">2.50<");
    }
}
