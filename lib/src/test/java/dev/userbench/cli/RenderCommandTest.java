package dev.userbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code userbench render} reads from an executed notebook, and how it refuses a wrong argument. */
class RenderCommandTest {

    @Test
    void anErrorOutputAndStderrTextAreProblemsNamingTheirCell(@TempDir Path dir) throws Exception {
        Path executed = Files.writeString(dir.resolve("executed.ipynb"), """
                {"cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
                  {"cell_type": "code", "metadata": {}, "source": ["int x = 1;"], "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": ["fine\\n"]}]},
                  {"cell_type": "code", "metadata": {}, "source": ["// Benchmark Login\\n", "login();"], "outputs": [
                    {"output_type": "error", "ename": "EvalException", "evalue": "no such table: user_auth",
                     "traceback": ["java.sql.SQLException: no such table: user_auth"]}]},
                  {"cell_type": "code", "metadata": {}, "source": ["int y = ;"], "outputs": [
                    {"output_type": "error", "ename": "CompilationException", "evalue": "",
                     "traceback": ["\\u001b[1m\\u001b[30m|   \\u001b[1m\\u001b[30mint y = \\u001b[0m\\u001b[1m\\u001b[30m\\u001b[41m;\\u001b[0m",
                                   "illegal start of expression"]}]},
                  {"cell_type": "code", "metadata": {}, "source": ["warn();"], "outputs": [
                    {"output_type": "stream", "name": "stderr", "text": ["SLF4J: No providers\\n", "more\\n"]}]}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);

        ExecutedNotebook notebook = ExecutedNotebook.read(executed);

        assertThat(notebook.codeCells()).isEqualTo(4);
        assertThat(notebook.problems()).extracting(ExecutedNotebook.Problem::oneLine).containsExactly(
                "cell 3 (// Benchmark Login): EvalException: no such table: user_auth",
                "cell 4 (int y = ;): CompilationException: |   int y = ; | illegal start of expression",
                "cell 5 (warn();): wrote to stderr: SLF4J: No providers");
    }

    @Test
    void theSlowestCellsComeFromNbclientsTimings(@TempDir Path dir) throws Exception {
        Path executed = Files.writeString(dir.resolve("timed.ipynb"), """
                {"cells": [
                  {"cell_type": "code", "source": "fast();", "outputs": [], "metadata": {"execution": {
                    "iopub.execute_input": "2025-01-01T10:00:00.000000Z", "shell.execute_reply": "2025-01-01T10:00:00.500000Z"}}},
                  {"cell_type": "code", "source": "slow();", "outputs": [], "metadata": {"execution": {
                    "iopub.execute_input": "2025-01-01T10:00:01.000000Z", "shell.execute_reply": "2025-01-01T10:00:04.250000Z"}}},
                  {"cell_type": "code", "source": "untimed();", "outputs": [], "metadata": {}}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);

        ExecutedNotebook notebook = ExecutedNotebook.read(executed);

        assertThat(notebook.slowest(2)).extracting(ExecutedNotebook.CodeCell::name)
                .containsExactly("cell 2 (slow();)", "cell 1 (fast();)");
        assertThat(notebook.cellTime().toMillis()).isEqualTo(3750);
    }

    @Test
    void aMissingNotebookIsOneLineAndAUsageExit(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"render", dir.resolve("nothing.ipynb").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString().strip()).startsWith("userbench: no notebook at ").doesNotContain("\n");
    }

    @Test
    void theInstallHintNamesBothWaysToGetJupyterInOneLine() {
        assertThat(Jupyter.INSTALL_HINT).doesNotContain("\n")
                .contains("apt-get install jupyter-client python3-nbclient python3-nbconvert jupyter-notebook",
                        "pip install nbconvert nbclient");
    }
}
