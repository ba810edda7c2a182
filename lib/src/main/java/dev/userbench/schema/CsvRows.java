package dev.userbench.schema;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.model.UserRole;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Users as CSV (RFC 4180) that SQLite's {@code .import}, PostgreSQL's {@code COPY ... CSV} and
 * MariaDB/MySQL's {@code LOAD DATA ... OPTIONALLY ENCLOSED BY '"'} all read the same way:
 * <ul>
 *   <li>a field is quoted only when it holds a comma, quote, backslash, CR or LF; quotes inside are doubled;</li>
 *   <li>uid as the canonical 36-character text ({@code 8-4-4-4-12} lower-case hex);</li>
 *   <li>role as its name, is_verified as {@code 1} / {@code 0} (PostgreSQL's boolean reads both);</li>
 *   <li>times as ISO-8601 UTC with whole seconds, {@code 2025-03-01T12:34:56Z};</li>
 *   <li>an absent (null) value as an empty unquoted field, an empty text as {@code ""}.</li>
 * </ul>
 * Lines end in {@code \n}.
 */
public final class CsvRows {

    private static final long FIRST_FAST_SECOND = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_FAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private CsvRows() {
    }

    /** The column names, comma-separated, with the line end. */
    public static String header(List<Field> columns) {
        return columns.stream().map(Field::column).collect(Collectors.joining(",")) + "\n";
    }

    /** Appends one user's values of these columns as one line. */
    public static void append(StringBuilder out, List<Field> columns, User user) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendValue(out, columns.get(i).of(user));
        }
        out.append('\n');
    }

    private static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof UUID uid) {
            out.append(uid);
        } else if (value instanceof Instant instant) {
            appendInstant(out, instant);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? '1' : '0');
        } else if (value instanceof UserRole role) {
            out.append(role.name());
        } else {
            appendText(out, value.toString());
        }
    }

    /**
     * ISO-8601 UTC as {@link DateTimeFormatter#ISO_INSTANT} writes it; whole seconds of years 1000-9999
     * (every generated time) are formatted by hand, which is several times faster and the larger part
     * of encoding a row.
     */
    static void appendInstant(StringBuilder out, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            DateTimeFormatter.ISO_INSTANT.formatTo(instant, out);
            return;
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        out.append(year).append('-');
        twoDigits(out, month).append('-');
        twoDigits(out, day).append('T');
        twoDigits(out, secondOfDay / 3600).append(':');
        twoDigits(out, secondOfDay / 60 % 60).append(':');
        twoDigits(out, secondOfDay % 60).append('Z');
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void appendText(StringBuilder out, String text) {
        if (text.isEmpty() || needsQuotes(text)) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            out.append(text);
        }
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a backslash is quoted too: PostgreSQL reads an unquoted \. line as the end of the data
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
