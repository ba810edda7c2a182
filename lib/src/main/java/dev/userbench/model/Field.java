package dev.userbench.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The eleven fields of the study's user entity plus its key, in the study's column order.
 * {@link #isAuth()} marks the hot login columns the hypothesis wants to keep apart.
 */
public enum Field {
    UID("uid", ColumnType.UUID, true, false, User::uid),
    EMAIL("email", ColumnType.EMAIL, true, false, User::email),
    PASSWORD_HASH("password_hash", ColumnType.SHA256_HEX, true, false, User::passwordHash),
    ROLE("role", ColumnType.ROLE, true, false, User::role),
    IS_VERIFIED("is_verified", ColumnType.BOOLEAN, true, false, User::verified),
    NAME("name", ColumnType.SHORT_TEXT, false, false, User::name),
    PHONE("phone", ColumnType.PHONE, false, true, User::phone),
    LOCATION("location", ColumnType.SHORT_TEXT, false, true, User::location),
    BIO("bio", ColumnType.LONG_TEXT, false, true, User::bio),
    PROFILE_IMAGE("profile_image", ColumnType.URL, false, true, User::profileImage),
    CREATED_AT("created_at", ColumnType.TIMESTAMP, false, false, User::createdAt),
    LAST_ACTIVE("last_active", ColumnType.TIMESTAMP, false, false, User::lastActive);

    /** The columns a login reads: the key, the identifier, the secret and the two authorisation flags. */
    public static final Set<Field> AUTH = EnumSet.of(UID, EMAIL, PASSWORD_HASH, ROLE, IS_VERIFIED);
    public static final List<Field> ALL = List.of(values());

    private final String column;
    private final ColumnType type;
    private final boolean auth;
    private final boolean nullable;
    private final Function<User, Object> getter;

    Field(String column, ColumnType type, boolean auth, boolean nullable, Function<User, Object> getter) {
        this.column = column;
        this.type = type;
        this.auth = auth;
        this.nullable = nullable;
        this.getter = getter;
    }

    public String column() { return column; }
    public ColumnType type() { return type; }
    public boolean isAuth() { return auth; }
    public boolean nullable() { return nullable; }
    public Object of(User user) { return getter.apply(user); }

    /**
     * This field as a column of a table definition: what {@code users.sql} declares for it (checked by
     * {@code StudyLayoutsAsPartitionsTest}), so every engine creates the study's columns as any table's.
     */
    public ColumnDefinition definition() {
        List<String> allowed = type == ColumnType.ROLE
                ? java.util.Arrays.stream(UserRole.values()).map(Enum::name).toList() : List.of();
        return new ColumnDefinition(column, type.kind(), type.declaredType(), type.length(), null, nullable, allowed, null);
    }

    /** The kind of column this field is stored in. */
    public ColumnKind kind() { return type.kind(); }

    /**
     * A value of this field as its column kind's Java type ({@link UserRole} as its name; the rest as they are),
     * which is what binds to a statement or goes into a bulk load, whatever table the column belongs to.
     */
    public Object columnValue(Object value) {
        return value instanceof UserRole role ? role.name() : value;
    }

    /** This field's value of a user, as its column kind's Java type. */
    public Object columnValue(User user) { return columnValue(getter.apply(user)); }
}
