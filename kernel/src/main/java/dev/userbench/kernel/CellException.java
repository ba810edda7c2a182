package dev.userbench.kernel;

import java.util.List;
import java.util.Optional;

/**
 * Why a cell stopped. Jupyter shows the simple class name as {@code ename} and {@link #getMessage()}
 * as {@code evalue}, so the subclasses carry IJava's names: a notebook's error outputs then read the
 * same on both kernels. The kernel sends {@link #styledTraceback()} as the traceback, coloured like IJava's.
 */
public abstract sealed class CellException extends Exception {
    private final Traceback traceback;

    private CellException(String message, Traceback traceback) {
        super(message, null, false, false); // the Java stack of the kernel itself would only be noise
        this.traceback = traceback;
    }

    /** The lines Jupyter prints for this error, plain, without trailing newlines. */
    public List<String> traceback() {
        return traceback.plain();
    }

    /** The same lines with IJava's ANSI colours and the failing source marked. */
    public List<String> styledTraceback() {
        return traceback.ansi();
    }

    /** javac rejected a snippet. IJava leaves evalue empty; the javac message is in the traceback. */
    public static final class CompilationException extends CellException {
        public CompilationException(Traceback traceback) {
            super("", traceback);
        }
    }

    /** Cell code threw. evalue is the thrown exception's message; the traceback names its real class. */
    public static final class EvalException extends CellException {
        private final String exceptionClassName;

        public EvalException(String exceptionClassName, String message, Traceback traceback) {
            super(message, traceback);
            this.exceptionClassName = exceptionClassName;
        }

        public String exceptionClassName() {
            return exceptionClassName;
        }
    }

    /** The cell ends in the middle of a statement, e.g. an unclosed brace. */
    public static final class IncompleteSourceException extends CellException {
        public IncompleteSourceException(String source) {
            super(source, sourceAfter("Incomplete input:", source).build());
        }
    }

    /** A method or class was called that refers to a declaration that does not exist yet. */
    public static final class UnresolvedReferenceException extends CellException {
        public UnresolvedReferenceException(String message, Traceback traceback) {
            super(message, traceback);
        }
    }

    /** The user interrupted the cell. */
    public static final class EvaluationInterruptedException extends CellException {
        private static final String INTERRUPTED = "Evaluation interrupted.";
        private final String threadLeftRunning;

        public EvaluationInterruptedException(String source) {
            super(INTERRUPTED, sourceThen(source).message(INTERRUPTED).build());
            this.threadLeftRunning = null;
        }

        private EvaluationInterruptedException(String source, String threadName, String sentence) {
            super(INTERRUPTED + " " + sentence, sourceThen(source).message(INTERRUPTED).message(sentence).build());
            this.threadLeftRunning = threadName;
        }

        /** The cell was interrupted but its thread ignores interrupts and this JDK cannot stop it. */
        public static EvaluationInterruptedException leftRunning(String source, String threadName) {
            return new EvaluationInterruptedException(source, threadName, "The cell's thread " + threadName
                    + " is still running: it does not check for interrupts and Java " + Runtime.version().feature()
                    + " cannot stop it; restart the kernel to end it.");
        }

        /** The name of the cell's thread that is still running, if the interrupt could not end it. */
        public Optional<String> threadLeftRunning() {
            return Optional.ofNullable(threadLeftRunning);
        }
    }

    private static Traceback.Builder sourceAfter(String message, String source) {
        Traceback.Builder builder = new Traceback.Builder().message(message);
        source.lines().forEach(builder::source);
        return builder;
    }

    private static Traceback.Builder sourceThen(String source) {
        Traceback.Builder builder = new Traceback.Builder();
        source.lines().forEach(builder::source);
        return builder;
    }
}
