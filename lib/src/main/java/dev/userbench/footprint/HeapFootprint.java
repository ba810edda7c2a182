package dev.userbench.footprint;

import dev.userbench.model.User;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.PreparedSelect;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM heap one fetched row retains: a monolith row (a whole {@link User}) against a split-layout
 * login row ({@link AuthRow}), measured by JOL ({@code GraphLayout.parseInstance(row).totalSize()}: the
 * row object and everything it references that is not shared, e.g. enum constants count too but are
 * the same for both). JOL prints warnings on JDK 17 when it cannot attach to its own VM
 * ({@code -Djdk.attach.allowAttachSelf} is off by default); it needs no attach to measure object
 * sizes, so attaching is switched off and its start-up chatter is kept off the console. Records need
 * JOL's {@code jol.magicFieldOffset} mode (Unsafe gives no field offsets of records). If JOL cannot
 * introspect this VM at all, sizes are estimated from fields (compressed oops layout) and the result
 * says {@link #ESTIMATE}.
 */
public final class HeapFootprint {

    public static final String JOL = "jol";
    public static final String ESTIMATE = "estimate (JOL unavailable; 12-byte headers, 4-byte references, 8-byte alignment)";

    /**
     * Heap retained by one fetched row of each kind.
     *
     * @param method {@link #JOL} or {@link #ESTIMATE}
     */
    public record Comparison(long monolithRowBytes, long authRowBytes, String method) {
        public double ratio() {
            return monolithRowBytes / (double) authRowBytes;
        }
    }

    /** Bytes one object graph retains and how they were found. */
    public record Size(long bytes, String method) {
    }

    private static volatile Boolean jolWorks;

    private HeapFootprint() {
    }

    /** One user as the monolith's login fetches it vs the same user's auth row. */
    public static Comparison compare(User user) {
        User monolithRow = copy(user);
        AuthRow authRow = AuthRow.of(user);
        Size monolith = retainedBytes(monolithRow);
        Size auth = retainedBytes(authRow);
        String method = monolith.method().equals(auth.method()) ? monolith.method() : monolith.method() + "/" + auth.method();
        return new Comparison(monolith.bytes(), auth.bytes(), method);
    }

    /** Bytes {@code object} and the objects it reaches retain. */
    public static Size retainedBytes(Object object) {
        if (jolReady()) {
            try {
                return new Size(GraphLayout.parseInstance(object).totalSize(), JOL);
            } catch (RuntimeException | LinkageError e) {
                jolWorks = false;
            }
        }
        return new Size(estimate(object, new IdentityHashMap<>()), ESTIMATE);
    }

    /**
     * Bytes per row retained by the rows a query fetched: {@code select} is run once per key (bound as its only
     * parameter, as {@code keyField}), every column read back with the dialect's Java types into one
     * {@code Object[]} per row, as a row mapper holds them, and JOL measures the graph of all the rows at once
     * (objects the rows share, such as enum constants, count once), divided by the rows. Keys with no row are
     * skipped; at least one must have one.
     */
    public static Size perFetchedRow(Connection connection, LayoutSql sql, LayoutSql.Select select,
                                     dev.userbench.model.Field keyField, List<?> keys) throws SQLException {
        List<dev.userbench.model.Field> fields = select.fields();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedSelect statement = PreparedSelect.prepare(connection,
                sql.dialect(), select)) {
            for (Object key : keys) {
                try (ResultSet result = statement.query(keyField, key)) {
                    if (result != null && result.next()) {
                        Object[] row = new Object[fields.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = sql.dialect().read(result, i + 1, fields.get(i));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        connection.commit();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no sampled key found a row in " + sql.layout().name()
                    + ": the tables do not hold the seeded users");
        }
        Object[] roots = rows.toArray();
        Size size = retainedBytesOfAll(roots);
        return new Size(size.bytes() / rows.size(), size.method());
    }

    /** Bytes the graphs of {@code roots} retain together, each shared object counted once. */
    static Size retainedBytesOfAll(Object[] roots) {
        if (jolReady()) {
            try {
                return new Size(GraphLayout.parseInstance(roots).totalSize(), JOL);
            } catch (RuntimeException | LinkageError e) {
                jolWorks = false;
            }
        }
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        long bytes = 0;
        for (Object root : roots) {
            bytes += estimate(root, seen);
        }
        return new Size(bytes, ESTIMATE);
    }

    /** A user with its own strings and uid, as a fresh fetch from the database would build it. */
    private static User copy(User u) {
        return new User(new java.util.UUID(u.uid().getMostSignificantBits(), u.uid().getLeastSignificantBits()),
                new String(u.email()), new String(u.passwordHash()), u.role(), u.verified(), new String(u.name()),
                u.phone() == null ? null : new String(u.phone()), u.location() == null ? null : new String(u.location()),
                u.bio() == null ? null : new String(u.bio()), u.profileImage() == null ? null : new String(u.profileImage()),
                java.time.Instant.ofEpochSecond(u.createdAt().getEpochSecond(), u.createdAt().getNano()),
                java.time.Instant.ofEpochSecond(u.lastActive().getEpochSecond(), u.lastActive().getNano()));
    }

    private static synchronized boolean jolReady() {
        if (jolWorks == null) {
            // JOL learns object sizes from Unsafe; attaching (agent or Serviceability Agent) adds nothing here
            System.setProperty("jol.skipDynamicAttach", "true");
            System.setProperty("jol.skipHotspotSAAttach", "true");
            // User and AuthRow are records, whose field offsets Unsafe refuses to give; JOL then finds
            // them by experiment ("magic" offsets), which is exact for the layout of this VM
            System.setProperty("jol.magicFieldOffset", "true");
            PrintStream out = System.out;
            PrintStream err = System.err;
            PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
            try {
                System.setOut(silent);
                System.setErr(silent);
                VM.current();
                jolWorks = true;
            } catch (RuntimeException | LinkageError e) {
                jolWorks = false;
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
        }
        return jolWorks;
    }

    /** A shallow-plus-reachable estimate for when JOL cannot run; enums and statics are shared, not counted. */
    static long estimate(Object object, Map<Object, Boolean> seen) {
        if (object == null || object instanceof Enum<?> || seen.put(object, Boolean.TRUE) != null) {
            return 0;
        }
        if (object instanceof String text) {
            // JDK internals are closed to reflection: a String is a 24-byte object and its byte[] value,
            // one byte per character when every character is Latin-1 (compact strings), else two
            boolean latin1 = text.chars().allMatch(c -> c < 256);
            return 24 + align(16 + (long) text.length() * (latin1 ? 1 : 2));
        }
        Class<?> type = object.getClass();
        if (type.isArray()) {
            int length = Array.getLength(object);
            Class<?> component = type.getComponentType();
            long size = align(16 + (long) length * (component.isPrimitive() ? primitiveBytes(component) : 4));
            if (!component.isPrimitive()) {
                for (int i = 0; i < length; i++) {
                    size += estimate(Array.get(object, i), seen);
                }
            }
            return size;
        }
        long shallow = 12;
        long reachable = 0;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                shallow += field.getType().isPrimitive() ? primitiveBytes(field.getType()) : 4;
                if (!field.getType().isPrimitive()) {
                    try {
                        field.setAccessible(true);
                        reachable += estimate(field.get(object), seen);
                    } catch (RuntimeException | IllegalAccessException e) {
                        // a JDK class closed to reflection: count its reference only
                    }
                }
            }
        }
        return align(shallow) + reachable;
    }

    private static long primitiveBytes(Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        if (type == short.class || type == char.class) {
            return 2;
        }
        return 1;
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
