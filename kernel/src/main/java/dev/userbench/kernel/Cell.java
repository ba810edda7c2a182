package dev.userbench.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell split, in order, into runs of Java code and line magics ({@code %name args} at the start of
 * a line), the way IJava reads cells: magics may sit between Java lines, and take effect before the
 * Java that follows them runs.
 */
record Cell(List<Part> parts) {
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(?<name>[A-Za-z_][\\w-]*)(?<args>.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(?<name>\\S*)");
    private static final String TEXT_BLOCK_QUOTES = "\"\"\"";

    Cell {
        parts = List.copyOf(parts);
    }

    sealed interface Part permits JavaCode, LineMagic, CellMagic {
    }

    /** Java source; {@code firstLine} is its 1-based line within the cell, for error messages. */
    record JavaCode(String source, int firstLine) implements Part {
    }

    /** {@code %name arg...}; {@code line} is its 1-based line within the cell. */
    record LineMagic(String name, List<String> args, int line) implements Part {
        LineMagic {
            args = List.copyOf(args);
        }
    }

    /** {@code %%name} on the first line makes the whole cell a cell magic. */
    record CellMagic(String name, String body) implements Part {
    }

    static Cell parse(String source) {
        String[] lines = source.split("\r?\n", -1);
        Matcher cellMagic = CELL_MAGIC.matcher(lines[0]);
        if (cellMagic.find()) {
            String body = source.substring(Math.min(source.length(), lines[0].length() + 1));
            return new Cell(List.of(new CellMagic(cellMagic.group("name"), body)));
        }

        List<Part> parts = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        int javaFirstLine = 1;
        int javaLineCount = 0;
        boolean inTextBlock = false; // a '%' line inside a text block is text, not a magic
        for (int i = 0; i < lines.length; i++) {
            Matcher magic = LINE_MAGIC.matcher(lines[i]);
            if (!inTextBlock && magic.matches()) {
                if (javaLineCount > 0) {
                    parts.add(new JavaCode(java.toString(), javaFirstLine));
                    java.setLength(0);
                    javaLineCount = 0;
                }
                parts.add(new LineMagic(magic.group("name"), splitArguments(magic.group("args")), i + 1));
                javaFirstLine = i + 2;
                continue;
            }
            if (javaLineCount++ > 0) {
                java.append('\n');
            }
            java.append(lines[i]);
            inTextBlock ^= countOccurrences(lines[i], TEXT_BLOCK_QUOTES) % 2 == 1;
        }
        if (javaLineCount > 0 && !java.toString().isBlank()) {
            parts.add(new JavaCode(java.toString(), javaFirstLine));
        }
        return new Cell(parts);
    }

    /** The cell with magic lines blanked out, keeping line numbers, for source analysis. */
    String javaOnly() {
        StringBuilder out = new StringBuilder();
        int line = 1;
        for (Part part : parts) {
            if (part instanceof JavaCode code) {
                out.append("\n".repeat(Math.max(0, code.firstLine() - line))).append(code.source());
                line = code.firstLine() + (int) code.source().chars().filter(c -> c == '\n').count();
            }
        }
        return out.toString();
    }

    /** Splits magic arguments on whitespace; single or double quotes keep spaces inside one argument. */
    static List<String> splitArguments(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return args;
    }

    private static int countOccurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
