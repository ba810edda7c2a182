package dev.userbench.report;

import dev.userbench.bench.stats.Verdict;
import dev.userbench.cli.RunCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict rule is stated once: the README, the notebook and --help print the same text, and the code decides as it says. */
class VerdictRuleTest {

    private static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void theReadmeStatesTheRuleWordForWord() throws IOException {
        Path readme = Path.of("..", "README.md");
        assertThat(words(Files.readString(readme))).contains(words(VerdictRule.RULE));
    }

    @Test
    void theNotebookStatesTheRuleWordForWord() throws IOException {
        com.fasterxml.jackson.databind.JsonNode notebook = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("..", "notebooks", "user-entity-benchmark.ipynb").toFile());
        StringBuilder markdown = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("markdown")) {
                cell.get("source").forEach(line -> markdown.append(line.asText()));
                markdown.append('\n');
            }
        }
        assertThat(words(markdown.toString())).contains(words(VerdictRule.RULE));
    }

    @Test
    void runHelpStatesTheRuleWordForWord() {
        String help = new CommandLine(new RunCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(words(help)).contains(words(VerdictRule.RULE));
    }

    @Test
    void theRulesFourCasesAreTheVerdictsTheCodeDecides() {
        double threshold = 0.05;
        // wholly below 1 and not wholly within 1 ± the threshold
        assertThat(Verdict.decide(0.90, 0.97, threshold)).isEqualTo(Verdict.FASTER);
        // wholly above 1 and not wholly within
        assertThat(Verdict.decide(1.02, 1.20, threshold)).isEqualTo(Verdict.SLOWER);
        // excludes 1 but wholly within 1 ± the threshold
        assertThat(Verdict.decide(0.96, 0.99, threshold)).isEqualTo(Verdict.NEGLIGIBLE);
        // holds 1, however wide
        assertThat(Verdict.decide(0.30, 3.00, threshold)).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }
}
