package dev.userbench.kernel;

import dev.userbench.kernel.CellException.CompilationException;
import dev.userbench.kernel.CellException.EvalException;
import dev.userbench.kernel.CellException.EvaluationInterruptedException;
import dev.userbench.kernel.CellException.IncompleteSourceException;
import dev.userbench.kernel.CellException.UnresolvedReferenceException;
import dev.userbench.kernel.runtime.Display;
import dev.userbench.kernel.runtime.DisplayTarget;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates notebook cells in one JShell session, executed in this JVM. State (variables, methods,
 * classes, imports) lives on from cell to cell. Knows nothing of Jupyter: the kernel wraps it.
 *
 * <p>A cell runs snippet by snippet, and the first failing snippet aborts the rest, as in IJava.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** IJava's default imports, exactly: notebooks that rely on more would not run on IJava. */
    private static final String PRELUDE = """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import static dev.userbench.kernel.runtime.Display.*;
            import static dev.userbench.kernel.runtime.Kernel.*;
            public void printf(String format, Object... args) { System.out.printf(format, args); }
            """;

    /** Snippet kinds whose value IJava shows as Out[]: expressions, including expression statements. */
    private static final Set<Snippet.SubKind> VALUE_KINDS = Set.of(
            Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND,
            Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final InProcessExecutionControl control = new InProcessExecutionControl();
    private final ClasspathMagics classpathMagics;
    private volatile boolean interrupted;
    private final AtomicInteger cellsRun = new AtomicInteger();

    /** What code completion offers at a cursor: {@code matches} replace the text in [start, end). */
    public record Completion(List<String> matches, int start, int end) {
        public Completion {
            matches = List.copyOf(matches);
        }
    }

    /** Jupyter's is_complete answer: status is complete, incomplete or invalid; indent is for the next line. */
    public record IsComplete(String status, String indent) {
        static final IsComplete COMPLETE = new IsComplete("complete", "");
        static final IsComplete INVALID = new IsComplete("invalid", "");
    }

    /**
     * Starts a session whose displays go to {@code displays}.
     *
     * @throws IllegalStateException if the default imports or the startup script fail
     */
    public JShellEvaluator(EvaluatorConfig config, DisplayTarget displays) {
        Display.bind(displays);
        this.shell = JShell.builder()
                .executionEngine(control.asProvider(), Map.of())
                .compilerOptions(config.compilerOptions().toArray(String[]::new))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.classpathMagics = new ClasspathMagics(config.workingDirectory(), shell::addToClasspath);

        // JShell compiles against its own class path, which starts empty: give it the runtime API
        // (this module) and DisplayData (the base kernel), wherever they were loaded from.
        shell.addToClasspath(locationOf(Display.class));
        shell.addToClasspath(locationOf(DisplayData.class));
        try {
            if (!config.classpathGlobs().isEmpty()) {
                classpathMagics.run("classpath", config.classpathGlobs());
            }
            eval(PRELUDE);
            if (!config.startupScript().isBlank()) {
                eval(config.startupScript());
            }
        } catch (CellException e) {
            shell.close();
            throw new IllegalStateException("The startup code failed: " + String.join("\n", e.traceback()), e);
        } catch (RuntimeException e) {
            shell.close();
            throw new IllegalStateException("The JShell session could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a cell.
     *
     * @return the value of the cell's last snippet if that is an expression with a non-null value
     * @throws CellException at the first snippet or magic that fails; earlier ones keep their effects
     */
    public Optional<Object> eval(String cellSource) throws CellException {
        return eval(cellSource, cellsRun.get() + 1);
    }

    /**
     * Runs a cell that Jupyter numbers {@code cellNumber} (its execution count), the number a thread
     * left running by an interrupt is named after.
     *
     * @throws CellException at the first snippet or magic that fails; earlier ones keep their effects
     */
    public Optional<Object> eval(String cellSource, int cellNumber) throws CellException {
        cellsRun.set(cellNumber);
        control.startCell(cellNumber);
        interrupted = false;
        Optional<Object> last = Optional.empty();
        for (Cell.Part part : Cell.parse(cellSource).parts()) {
            if (part instanceof Cell.JavaCode code) {
                last = evalJava(code);
            } else if (part instanceof Cell.LineMagic magic) {
                runLineMagic(magic);
                last = Optional.empty(); // like IJava, a magic line ends in a void statement
            } else if (part instanceof Cell.CellMagic magic) {
                throw undefinedMagic("cell", magic.name());
            }
        }
        return last;
    }

    /** Stops the running cell, if any. Called from another thread than {@link #eval}. */
    public void interrupt() {
        interrupted = true;
        control.interrupt();
    }

    /** Completion candidates at {@code cursor}, best type matches first. */
    public Completion complete(String code, int cursor) {
        int[] anchor = {cursor};
        List<String> matches = analysis.completionSuggestions(code, cursor, anchor).stream()
                .sorted(Comparator.comparing(suggestion -> !suggestion.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new Completion(matches, anchor[0], cursor);
    }

    /**
     * The signatures (and javadoc, where the JDK ships it) of what the identifier at {@code cursor} names;
     * empty if it names nothing known.
     */
    public Optional<String> documentation(String code, int cursor) {
        int end = Math.min(cursor, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++; // inspect the whole identifier wherever the cursor sits in it
        }
        int afterSpaces = end;
        while (afterSpaces < code.length() && Character.isWhitespace(code.charAt(afterSpaces))) {
            afterSpaces++;
        }
        boolean isCall = afterSpaces < code.length() && code.charAt(afterSpaces) == '(';
        List<String> entries = isCall
                ? documentationEntries(code, afterSpaces + 1) // JShell documents a call's overloads
                : documentationEntries(code, end);
        if (entries.isEmpty() && !isCall) {
            // JShell documents a method only as a call, so try the bare name as one
            entries = documentationEntries(code.substring(0, end) + "(" + code.substring(end), end + 1);
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", entries));
    }

    private List<String> documentationEntries(String code, int cursor) {
        return analysis.documentation(code, cursor, true).stream()
                .map(doc -> doc.javadoc() == null ? doc.signature() : doc.signature() + "\n" + doc.javadoc())
                .toList();
    }

    /** Whether {@code code} could run as it is, for consoles that decide between "run" and "new line". */
    public IsComplete isComplete(String code) {
        CompletionInfo info = analysis.analyzeCompletion(Cell.parse(code).javaOnly());
        while (info.completeness().isComplete() && info.completeness() != Completeness.UNKNOWN) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case UNKNOWN -> IsComplete.INVALID;
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IsComplete.COMPLETE;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> new IsComplete("incomplete", nextIndent(info.remaining()));
        };
    }

    @Override
    public void close() {
        shell.close();
    }

    private Optional<Object> evalJava(Cell.JavaCode code) throws CellException {
        Optional<Object> last = Optional.empty();
        String remaining = code.source();
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return last;
            }
            if (!info.completeness().isComplete()) {
                throw new IncompleteSourceException(info.remaining().trim());
            }
            if (interrupted) {
                throw new EvaluationInterruptedException(info.source().trim());
            }
            int offset = code.source().length() - remaining.length();
            last = evalSnippet(info.source(), new SourcePosition(code, offset));
            remaining = info.remaining();
        }
    }

    /** Where a snippet starts in its cell, to turn javac's positions into cell line numbers. */
    private record SourcePosition(Cell.JavaCode code, int offset) {
        int lineOf(long positionInSnippet) {
            int absolute = (int) Math.min(code.source().length(), offset + Math.max(0, positionInSnippet));
            return code.firstLine() + (int) code.source().substring(0, absolute).chars().filter(c -> c == '\n').count();
        }
    }

    private Optional<Object> evalSnippet(String source, SourcePosition position) throws CellException {
        try {
            List<SnippetEvent> events = shell.eval(source);
            Optional<Object> value = Optional.empty();
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet updated as a side effect, not the one just run
                }
                if (event.exception() != null) {
                    throw runtimeError(event.exception(), event.snippet(), position);
                }
                if (!event.status().isDefined()) {
                    throw compilationError(event.snippet(), position);
                }
                if (VALUE_KINDS.contains(event.snippet().subKind())) {
                    value = control.takeValue(event.value());
                }
            }
            return value;
        } finally {
            control.forgetValues();
        }
    }

    private CellException runtimeError(JShellException exception, Snippet snippet, SourcePosition position) {
        String source = snippet.source();
        if (exception instanceof jdk.jshell.EvalException eval) {
            if (InProcessExecutionControl.INTERRUPTED.equals(eval.getExceptionClassName())) {
                return new EvaluationInterruptedException(source.trim());
            }
            if (InProcessExecutionControl.LEFT_RUNNING.equals(eval.getExceptionClassName())) {
                return EvaluationInterruptedException.leftRunning(source.trim(), eval.getMessage());
            }
            Traceback.Builder traceback = new Traceback.Builder();
            appendStack(eval, traceback, "");
            failingLine(eval, snippet, position).ifPresent(line -> traceback.detail("").addAll(line));
            return new EvalException(eval.getExceptionClassName(), String.valueOf(eval.getMessage()), traceback.build());
        }
        if (exception instanceof jdk.jshell.UnresolvedReferenceException unresolved) {
            return new UnresolvedReferenceException(String.valueOf(unresolved.getMessage()),
                    unresolvedDependencies(unresolved.getSnippet()));
        }
        return new EvalException(exception.getClass().getName(), String.valueOf(exception.getMessage()),
                new Traceback.Builder().message(String.valueOf(exception)).build());
    }

    /** {@code Class: message}, then the stack up to the point where the kernel invoked the snippet. */
    private static void appendStack(jdk.jshell.EvalException eval, Traceback.Builder traceback, String prefix) {
        String message = eval.getMessage();
        traceback.message(prefix + eval.getExceptionClassName() + (message == null ? "" : ": " + message));
        for (StackTraceElement frame : eval.getStackTrace()) {
            String className = frame.getClassName();
            if (className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
                    || className.startsWith(InProcessExecutionControl.class.getName())) {
                break;
            }
            traceback.detail("\tat " + frame);
        }
        if (eval.getCause() instanceof jdk.jshell.EvalException cause) {
            appendStack(cause, traceback, "Caused by: ");
        }
    }

    /**
     * The cell line the exception came from, marked, when a frame lies in the snippet that ran: JShell
     * names such frames' file {@code #<snippet id>} and numbers their lines within the snippet.
     */
    private static Optional<Traceback> failingLine(jdk.jshell.EvalException eval, Snippet snippet, SourcePosition position) {
        String fileName = "#" + snippet.id();
        for (Throwable t = eval; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (fileName.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                    return lineOfSnippet(snippet.source(), frame.getLineNumber(), position);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Traceback> lineOfSnippet(String source, int lineNumber, SourcePosition position) {
        // JShell counts lines from the first one with code: a snippet after another starts with its line break
        int firstCode = 0;
        while (firstCode < source.length() && Character.isWhitespace(source.charAt(firstCode))) {
            firstCode++;
        }
        int lineStart = source.lastIndexOf('\n', Math.max(0, firstCode - 1)) + 1;
        for (int line = 1; line < lineNumber; line++) {
            lineStart = source.indexOf('\n', lineStart) + 1;
            if (lineStart == 0) {
                return Optional.empty();
            }
        }
        int lineEnd = source.indexOf('\n', lineStart);
        String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        if (text.isBlank()) {
            return Optional.empty();
        }
        int from = text.length() - text.stripLeading().length();
        int to = text.stripTrailing().length();
        return Optional.of(new Traceback.Builder()
                .markedSource("Line " + position.lineOf(lineStart) + ": ", text, from, to)
                .build());
    }

    private CompilationException compilationError(Snippet snippet, SourcePosition position) {
        Traceback.Builder traceback = new Traceback.Builder();
        String source = snippet.source();
        for (Diag diag : shell.diagnostics(snippet).toList()) {
            if (!diag.isError()) {
                continue;
            }
            if (diag.getStartPosition() >= 0) {
                markLine(source, diag, position, traceback);
            }
            diag.getMessage(null).lines()
                    .filter(line -> !line.trim().startsWith("location:")) // the marked line shows where
                    .forEach(traceback::message);
            traceback.detail("");
        }
        if (snippet instanceof DeclarationSnippet declaration) {
            traceback.addAll(unresolvedDependencies(declaration));
        }
        if (traceback.isEmpty()) {
            traceback.source("Line " + position.lineOf(0) + ": " + source.trim());
        }
        return new CompilationException(traceback.build());
    }

    /** "Line n: the source line" with the span javac complained about marked. */
    private static void markLine(String source, Diag diag, SourcePosition position, Traceback.Builder traceback) {
        int start = (int) Math.min(diag.getStartPosition(), source.length());
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start == 0) {
            lineStart = 0;
        }
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        int end = (int) Math.max(start + 1, Math.min(diag.getEndPosition(), lineEnd));
        traceback.markedSource("Line " + position.lineOf(start) + ": ", source.substring(lineStart, lineEnd),
                start - lineStart, end - lineStart);
    }

    private Traceback unresolvedDependencies(DeclarationSnippet snippet) {
        Traceback.Builder lines = new Traceback.Builder();
        List<String> dependencies = shell.unresolvedDependencies(snippet).toList();
        if (dependencies.isEmpty()) {
            return lines.build();
        }
        snippet.source().trim().lines().forEach(lines::source);
        lines.message("Unresolved dependencies:");
        dependencies.forEach(dependency -> lines.message("   - " + dependency));
        return lines.build();
    }

    private void runLineMagic(Cell.LineMagic magic) throws EvalException {
        if (!classpathMagics.knows(magic.name())) {
            throw undefinedMagic("line", magic.name());
        }
        try {
            classpathMagics.run(magic.name(), magic.args());
        } catch (RuntimeException e) {
            String message = "Exception occurred while running line magic '" + magic.name() + "': " + e.getMessage();
            throw new EvalException(RuntimeException.class.getName(), message, new Traceback.Builder()
                    .message(RuntimeException.class.getName() + ": " + message)
                    .detail("\tat line " + magic.line() + " of the cell")
                    .build());
        }
    }

    private static EvalException undefinedMagic(String kind, String name) {
        String message = "Undefined " + kind + " magic '" + name + "'";
        String hint = "This kernel supports the line magics " + ClasspathMagics.NAMES.stream().map(n -> "%" + n).toList()
                + (name.equals("maven") || name.equals("addMavenDependency") || name.equals("loadFromPOM")
                ? "; use %jars with jars fetched beforehand instead of Maven resolution" : "");
        return new EvalException("UndefinedMagicException", message,
                new Traceback.Builder().message("UndefinedMagicException: " + message).detail(hint).build());
    }

    /** The indentation of the last line, one step deeper if it opened a brace or parenthesis. */
    private static String nextIndent(String partial) {
        String withoutTrailingBreaks = partial.replaceAll("[\r\n]+$", "");
        String lastLine = withoutTrailingBreaks.substring(withoutTrailingBreaks.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        long opened = lastLine.chars().filter(c -> c == '{' || c == '(').count();
        long closed = lastLine.chars().filter(c -> c == '}' || c == ')').count();
        return opened > closed ? indent + "    " : indent;
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of " + type.getName(), e);
        }
    }
}
