package dev.userbench.kernel;

import dev.userbench.kernel.CellException.CompilationException;
import dev.userbench.kernel.CellException.EvalException;
import dev.userbench.kernel.CellException.EvaluationInterruptedException;
import dev.userbench.kernel.runtime.Runaways;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JShellEvaluatorTest {
    @TempDir
    Path notebookDir;

    private final String releaseKey = "release-runaway-" + java.util.UUID.randomUUID();
    private final String startedKey = "cell-started-" + java.util.UUID.randomUUID();
    private RecordingDisplayTarget displays;
    private JShellEvaluator evaluator;

    @BeforeEach
    void startSession() {
        displays = new RecordingDisplayTarget();
        evaluator = new JShellEvaluator(EvaluatorConfig.in(notebookDir), displays);
    }

    @AfterEach
    void closeSession() throws InterruptedException {
        releaseRunaways(); // a runaway left spinning would slow every later test
        evaluator.close();
    }

    @Test
    void keepsVariablesMethodsAndTypesAcrossCells() throws Exception {
        evaluator.eval("int base = 40;");
        evaluator.eval("int plusTwo(int x) { return x + 2; }");
        evaluator.eval("record Pair(int a, int b) {}");

        assertThat(evaluator.eval("new Pair(plusTwo(base), 0).a()")).contains(42);
    }

    @Test
    void theLastExpressionOfACellIsItsResult() throws Exception {
        assertThat(evaluator.eval("int a = 1;\nint b = 2;\na + b")).contains(3);
    }

    @Test
    void anExpressionStatementWithASemicolonStillIsTheResult() throws Exception {
        assertThat(evaluator.eval("String.valueOf(7);")).contains("7");
    }

    @Test
    void declarationsAndVoidCallsGiveNoResult() throws Exception {
        assertThat(evaluator.eval("int quiet = 5;")).isEmpty();
        assertThat(evaluator.eval("System.out.flush()")).isEmpty();
    }

    @Test
    void theResultIsTheRealObjectNotItsString() throws Exception {
        assertThat(evaluator.eval("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)"))
                .get().isInstanceOf(java.awt.image.BufferedImage.class);
    }

    @Test
    void theDefaultImportsAreIJavasAndNoMore() throws Exception {
        assertThat(evaluator.eval("new ArrayList<BigDecimal>(List.of(BigDecimal.ONE)).size()")).contains(1);
        assertThatThrownBy(() -> evaluator.eval("Stream.of(1).count()"))
                .isInstanceOf(CompilationException.class);
    }

    @Test
    void printfIsDefined() throws Exception {
        assertThat(evaluator.eval("printf(\"%d%n\", 1)")).isEmpty();
    }

    @Test
    void aCompileErrorNamesTheCellLineTheSourceAndJavacsMessage() {
        assertThatThrownBy(() -> evaluator.eval("int fine = 1;\n\nint broken = \"text\";"))
                .asInstanceOf(type(CompilationException.class))
                .satisfies(e -> {
                    assertThat(e.getMessage()).isEmpty(); // IJava's evalue
                    assertThat(e.traceback()).contains("Line 3: int broken = \"text\";");
                    assertThat(e.traceback()).anySatisfy(line -> assertThat(line).contains("incompatible types"));
                });
    }

    @Test
    void aRuntimeErrorCarriesTheMessageAndTheRealExceptionClass() {
        assertThatThrownBy(() -> evaluator.eval("Integer.parseInt(\"zz\")"))
                .asInstanceOf(type(EvalException.class))
                .satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo("For input string: \"zz\"");
                    assertThat(e.exceptionClassName()).isEqualTo("java.lang.NumberFormatException");
                    assertThat(e.traceback().get(0)).isEqualTo("java.lang.NumberFormatException: For input string: \"zz\"");
                    assertThat(e.traceback()).anySatisfy(line -> assertThat(line).contains("Integer.parseInt"));
                });
    }

    @Test
    void aRuntimeErrorMarksTheCellLineItCameFrom() {
        assertThatThrownBy(() -> evaluator.eval("int a = 1;\n\nInteger.parseInt(\"zz\")"))
                .asInstanceOf(type(EvalException.class))
                .satisfies(e -> assertThat(e.traceback()).containsSubsequence(
                        "Line 3: Integer.parseInt(\"zz\")",
                        "        ^^^^^^^^^^^^^^^^^^^^^^"));
    }

    @Test
    void aRuntimeErrorInAMethodOfAnEarlierCellMarksTheCallingLine() throws Exception {
        evaluator.eval("int divide(int x) {\n    return 10 / x;\n}");

        assertThatThrownBy(() -> evaluator.eval("int ok = 1;\ndivide(0)"))
                .asInstanceOf(type(EvalException.class))
                .satisfies(e -> assertThat(e.traceback()).contains("Line 2: divide(0)"));
    }

    @Test
    void theStyledTracebackColoursLikeIJavaAndPutsTheFailingPartOnRed() {
        String red = "\u001b[1m\u001b[31m";
        String boldBlack = "\u001b[1m\u001b[30m";
        String onRed = boldBlack + "\u001b[41m";
        assertThatThrownBy(() -> evaluator.eval("int fine = 1;\nint broken = \"text\";"))
                .asInstanceOf(type(CompilationException.class))
                .satisfies(e -> {
                    assertThat(e.styledTraceback()).contains(
                            boldBlack + "Line 2: int broken = \u001b[0m" + onRed + "\"text\"\u001b[0m" + boldBlack + ";\u001b[0m");
                    assertThat(e.styledTraceback()).anySatisfy(line -> assertThat(line)
                            .startsWith(red + "incompatible types").endsWith("\u001b[0m"));
                    assertThat(e.styledTraceback()).map(line -> line.replaceAll("\u001b\\[[0-9;]*m", ""))
                            .isEqualTo(e.traceback());
                });
    }

    @Test
    void theFirstFailingSnippetAbortsTheRestOfTheCell() throws Exception {
        assertThatThrownBy(() -> evaluator.eval("int before = 1;\nint x = Integer.parseInt(\"no\");\nint after = 2;"))
                .isInstanceOf(EvalException.class);

        assertThat(evaluator.eval("before")).contains(1);
        assertThatThrownBy(() -> evaluator.eval("after")).isInstanceOf(CompilationException.class);
    }

    @Test
    void anUnclosedBraceIsIncompleteSource() {
        assertThatThrownBy(() -> evaluator.eval("void open() {"))
                .isInstanceOf(CellException.IncompleteSourceException.class);
    }

    @Test
    void jarsMagicMakesAJarsClassesImportableInLaterLinesOfTheSameCell() throws Exception {
        TinyJar.build(notebookDir.resolve("build"), notebookDir.resolve("lib/greeter.jar"), "demo", "Greeter",
                "package demo; public class Greeter { public static String hello() { return \"hello from a jar\"; } }");

        Object greeting = evaluator.eval("%jars lib/*.jar\nimport demo.Greeter;\nGreeter.hello()").orElseThrow();

        assertThat(greeting).isEqualTo("hello from a jar");
    }

    @Test
    void classpathMagicAddsAFolderOfClassesForLaterCells() throws Exception {
        TinyJar.build(notebookDir.resolve("build"), notebookDir.resolve("unused.jar"), "demo", "Folded",
                "package demo; public class Folded { public static int answer() { return 42; } }");

        evaluator.eval("%classpath build/classes");

        assertThat(evaluator.eval("demo.Folded.answer()")).contains(42);
    }

    @Test
    void jarsMagicWithAGlobMatchingNothingIsAnError() {
        assertThatThrownBy(() -> evaluator.eval("%jars nowhere/*.jar"))
                .isInstanceOf(EvalException.class)
                .hasMessageContaining("line magic 'jars'")
                .hasMessageContaining("nowhere/*.jar");
    }

    @Test
    void anUnknownMagicIsAnErrorNamingIt() {
        assertThatThrownBy(() -> evaluator.eval("%maven org.example:thing:1.0"))
                .isInstanceOf(EvalException.class)
                .hasMessage("Undefined line magic 'maven'");
    }

    @Test
    void displayOfHtmlPublishesTextHtmlWithTextPlain() throws Exception {
        Object id = evaluator.eval("display(\"<b>bold</b>\", \"text/html\")").orElseThrow();

        assertThat(displays.published()).singleElement().satisfies(published -> {
            assertThat(published.update()).isFalse();
            assertThat(published.displayId()).isEqualTo(id);
            assertThat(published.data().getData(MIMEType.TEXT_HTML)).isEqualTo("<b>bold</b>");
            assertThat(published.data().hasDataForType(MIMEType.TEXT_PLAIN)).isTrue();
        });
    }

    @Test
    void displayOfABufferedImagePublishesAPng() throws Exception {
        evaluator.eval("import java.awt.image.BufferedImage;\n"
                + "String id = display(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));");

        DisplayData data = displays.published().get(0).data();
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(data.hasDataForType(MIMEType.TEXT_PLAIN)).isTrue();
    }

    @Test
    void updateDisplayTargetsTheIdThatDisplayReturned() throws Exception {
        evaluator.eval("String id = display(\"first\");\nupdateDisplay(id, \"<i>second</i>\", \"text/html\");");

        assertThat(displays.published()).hasSize(2);
        RecordingDisplayTarget.Published shown = displays.published().get(0);
        RecordingDisplayTarget.Published update = displays.published().get(1);
        assertThat(update.update()).isTrue();
        assertThat(update.displayId()).isEqualTo(shown.displayId()).isEqualTo(evaluator.eval("id").orElseThrow());
        assertThat(update.data().getData(MIMEType.TEXT_HTML)).isEqualTo("<i>second</i>");
    }

    @Test
    void renderReturnsDisplayDataWithoutPublishing() throws Exception {
        Object rendered = evaluator.eval("render(\"**md**\", \"text/markdown\")").orElseThrow();

        assertThat(rendered).isInstanceOf(DisplayData.class);
        assertThat(((DisplayData) rendered).getData(MIMEType.TEXT_MARKDOWN)).isEqualTo("**md**");
        assertThat(displays.published()).isEmpty();
    }

    @Test
    void getKernelInstancePublishesPreparedDisplayData() throws Exception {
        evaluator.eval("import io.github.spencerpark.jupyter.kernel.display.DisplayData;\n"
                + "DisplayData dd = new DisplayData(\"short\");\ndd.putHTML(\"<p>long</p>\");\n"
                + "getKernelInstance().display(dd);");

        assertThat(displays.published()).singleElement()
                .satisfies(p -> assertThat(p.data().getData(MIMEType.TEXT_HTML)).isEqualTo("<p>long</p>"));
    }

    @Test
    void aCellThatChecksForInterruptsStopsCleanly() {
        assertThat(interruptUntilDone(startedCell("Thread.sleep(600_000);")))
                .asInstanceOf(type(EvaluationInterruptedException.class))
                .satisfies(e -> {
                    assertThat(e.threadLeftRunning()).isEmpty();
                    assertThat(e.traceback()).noneSatisfy(line -> assertThat(line).contains("restart the kernel"));
                });
        assertThat(Runaways.alive()).isEmpty();
    }

    @Test
    void aCellIgnoringInterruptsIsStoppedWhereTheJdkStillHasThreadStop() {
        assumeTrue(Runtime.version().feature() < 20, "Thread.stop throws from JDK 20 on");

        assertThat(interruptUntilDone(runawayLoop()))
                .asInstanceOf(type(EvaluationInterruptedException.class))
                .satisfies(e -> assertThat(e.threadLeftRunning()).isEmpty());
        assertThat(Runaways.alive()).isEmpty();
    }

    @Test
    void aCellIgnoringInterruptsThatTheJdkCannotStopIsReportedWithTheRestartSentence() {
        assumeTrue(Runtime.version().feature() >= 20, "up to JDK 19 Thread.stop ends the cell");

        assertThat(interruptUntilDone(runawayLoop()))
                .asInstanceOf(type(EvaluationInterruptedException.class))
                .satisfies(e -> {
                    assertThat(e.threadLeftRunning()).get().asString().startsWith(Runaways.THREAD_NAME_PREFIX);
                    assertThat(e.getMessage()).contains("is still running", "restart the kernel to end it");
                    assertThat(e.traceback()).anySatisfy(line -> assertThat(line)
                            .contains(e.threadLeftRunning().orElseThrow(), "restart the kernel to end it"));
                    assertThat(Runaways.alive()).containsExactly(e.threadLeftRunning().orElseThrow());
                });
    }

    @Test
    void theNextCellAnswersAfterACellIgnoringInterrupts() throws Exception {
        evaluator.eval("int kept = 7;");
        interruptUntilDone(runawayLoop());

        assertThat(evaluator.eval("kept + 1")).contains(8);
    }

    @Test
    void aRunawayThatEndsIsNoLongerListed() throws Exception {
        assumeTrue(Runtime.version().feature() >= 20, "up to JDK 19 Thread.stop ends the cell, leaving no runaway");
        interruptUntilDone(runawayLoop());
        assertThat(Runaways.alive()).isNotEmpty();

        releaseRunaways();

        assertThat(Runaways.alive()).isEmpty();
    }

    /** A loop that never checks for interrupts; it ends only when the test sets {@link #releaseKey}. */
    private String runawayLoop() {
        return startedCell("long spins = 0; while (System.getProperty(\"" + releaseKey + "\") == null) { spins++; }");
    }

    /** {@code body} as one snippet that first tells {@link #interruptUntilDone} it has started. */
    private String startedCell(String body) {
        return "{ System.setProperty(\"" + startedKey + "\", \"yes\"); " + body + " }";
    }

    /** Ends the loops of {@link #runawayLoop()} and waits until their threads are gone. */
    private void releaseRunaways() throws InterruptedException {
        System.setProperty(releaseKey, "released");
        for (int i = 0; i < 200 && !Runaways.alive().isEmpty(); i++) {
            Thread.sleep(50);
        }
    }

    /** Runs {@code cell} and interrupts it until it ends; returns what it threw. */
    private Throwable interruptUntilDone(String cell) {
        CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval(cell);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        // an interrupt before the snippet runs would end the cell without testing what it does
        while (System.getProperty(startedKey) == null && !running.isDone()) {
            Thread.onSpinWait();
        }
        System.clearProperty(startedKey);
        while (!running.isDone()) {
            evaluator.interrupt();
            try {
                running.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | InterruptedException | java.util.concurrent.ExecutionException stillRunning) {
                // try again
            }
        }
        return running.join();
    }

    @Test
    void completionSuggestsMembers() {
        JShellEvaluator.Completion completion = evaluator.complete("Math.fl", 7);

        assertThat(completion.matches()).contains("floor(", "floorDiv(");
        assertThat(completion.start()).isEqualTo(5);
    }

    @Test
    void documentationShowsTheSignaturesOfAMethod() {
        assertThat(evaluator.documentation("Math.abs", 6)).get().asString().contains("abs(int");
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalidApart() {
        assertThat(evaluator.isComplete("int a = 1;").status()).isEqualTo("complete");
        assertThat(evaluator.isComplete("for (int i = 0; i < 3; i++) {").status()).isEqualTo("incomplete");
        assertThat(evaluator.isComplete("int x = )").status()).isEqualTo("invalid");
    }
}
