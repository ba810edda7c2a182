package dev.userbench.kernel;

import io.github.spencerpark.jupyter.kernel.util.TextColor;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a cell's error, each with its role, so that the kernel can send them coloured the way
 * IJava colours its tracebacks (ANSI escapes, which Jupyter front ends render) while tests and logs read
 * them plain.
 *
 * <p>Colours are IJava's: the exception or javac's message in bold red, the cell's source in bold
 * black with the failing part on a red background. A source line is followed by carets under that
 * part, so the mark survives where colours do not (plain-text exports, CI logs).
 */
public record Traceback(List<Line> lines) {
    public Traceback {
        lines = List.copyOf(lines);
    }

    /** What a line shows, which decides its colour. */
    public enum Role {
        /** The exception's class and message, or javac's message: bold red. */
        MESSAGE,
        /** A line of the cell, its failing part marked: bold black, the mark on red. */
        SOURCE,
        /** Carets under the marked part of the source line above: bold red. */
        MARKER,
        /** A stack frame, a hint or a blank line: not coloured. */
        DETAIL
    }

    /** One line; for {@link Role#SOURCE}, [{@code markFrom}, {@code markTo}) is the marked part of {@code text}. */
    public record Line(Role role, String text, int markFrom, int markTo) {
    }

    /** Lines that carry no mark and no colour of their own, e.g. from a caller that only has strings. */
    public static Traceback ofMessages(List<String> messages) {
        Builder builder = new Builder();
        messages.forEach(builder::message);
        return builder.build();
    }

    /** The lines as plain text. */
    public List<String> plain() {
        return lines.stream().map(Line::text).toList();
    }

    /** The lines with ANSI colours, as Jupyter's {@code error} output carries them. */
    public List<String> ansi() {
        return lines.stream().map(Traceback::ansi).toList();
    }

    private static String ansi(Line line) {
        String text = line.text();
        return switch (line.role()) {
            case MESSAGE, MARKER -> styled(text, TextColor.BOLD_RED_FG.toString());
            case DETAIL -> text;
            case SOURCE -> {
                String black = TextColor.BOLD_BLACK_FG.toString();
                int from = Math.max(0, Math.min(line.markFrom(), text.length()));
                int to = Math.max(from, Math.min(line.markTo(), text.length()));
                yield styled(text.substring(0, from), black)
                        + styled(text.substring(from, to), black + TextColor.RED_BG)
                        + styled(text.substring(to), black);
            }
        };
    }

    private static String styled(String text, String style) {
        return text.isEmpty() ? "" : style + text + TextColor.RESET_ALL;
    }

    /** Collects lines in order. */
    public static final class Builder {
        private final List<Line> lines = new ArrayList<>();

        public Builder message(String text) {
            lines.add(new Line(Role.MESSAGE, text, 0, 0));
            return this;
        }

        public Builder detail(String text) {
            lines.add(new Line(Role.DETAIL, text, 0, 0));
            return this;
        }

        /** A source line without a mark, e.g. a whole incomplete cell. */
        public Builder source(String text) {
            lines.add(new Line(Role.SOURCE, text, 0, 0));
            return this;
        }

        /**
         * {@code label} and a source line whose [{@code from}, {@code to}) failed, then carets under
         * that part.
         */
        public Builder markedSource(String label, String sourceLine, int from, int to) {
            int start = Math.max(0, Math.min(from, sourceLine.length()));
            int end = Math.max(start + 1, Math.min(to, sourceLine.length()));
            lines.add(new Line(Role.SOURCE, label + sourceLine, label.length() + start, label.length() + end));
            lines.add(new Line(Role.MARKER, " ".repeat(label.length() + start) + "^".repeat(end - start), 0, 0));
            return this;
        }

        public Builder addAll(Traceback other) {
            lines.addAll(other.lines());
            return this;
        }

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public Traceback build() {
            return new Traceback(lines);
        }
    }
}
