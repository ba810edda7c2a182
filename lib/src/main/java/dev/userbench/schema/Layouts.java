package dev.userbench.schema;

import dev.userbench.model.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.userbench.model.Field.*;

/** The layouts this tool knows; each is one definition. */
public final class Layouts {

    private static final List<Field> AUTH_COLUMNS = List.of(UID, EMAIL, PASSWORD_HASH, ROLE, IS_VERIFIED);
    private static final List<Field> PROFILE_COLUMNS =
            List.of(UID, NAME, PHONE, LOCATION, BIO, PROFILE_IMAGE, CREATED_AT, LAST_ACTIVE);
    private static final List<Field> LOGIN_PAYLOAD = List.of(UID, PASSWORD_HASH, ROLE, IS_VERIFIED);

    /** The study's single table with every column. */
    public static final Layout MONOLITH = new Layout("monolith",
            "one table user_monolith with every column (the study's Monolith model)",
            List.of(new TableDef("user_monolith", Field.ALL)),
            List.of(IndexDef.unique("ix_user_monolith_email", "user_monolith", EMAIL)));

    /** The study's split: hot login columns in user_auth, cold profile columns in user_profile. */
    public static final Layout FRAGMENTED = new Layout("fragmented",
            "user_auth (login columns) and user_profile (profile columns), joined by uid (the study's Fragmented model)",
            List.of(new TableDef("user_auth", AUTH_COLUMNS), new TableDef("user_profile", PROFILE_COLUMNS)),
            List.of(IndexDef.unique("ix_user_auth_email", "user_auth", EMAIL)));

    /** The rival design: keep one table, let an index answer login without touching the wide row. */
    public static final Layout MONOLITH_COVERING = new Layout("monolith_covering",
            "one table with an extra index on email that carries the login columns, so login reads only the index",
            List.of(new TableDef("user_monolith_cov", Field.ALL)),
            List.of(IndexDef.unique("ix_user_monolith_cov_email", "user_monolith_cov", EMAIL),
                    IndexDef.covering("ix_user_monolith_cov_login", "user_monolith_cov", EMAIL, LOGIN_PAYLOAD)));

    /** The split with last_active on the hot side, so a login that records itself writes only user_auth. */
    public static final Layout FRAGMENTED_HOT_TOUCH = new Layout("fragmented_hot_touch",
            "the split with last_active moved to the auth table, so a login's write stays on the hot side",
            List.of(new TableDef("user_auth_ht", List.of(UID, EMAIL, PASSWORD_HASH, ROLE, IS_VERIFIED, LAST_ACTIVE)),
                    new TableDef("user_profile_ht", List.of(UID, NAME, PHONE, LOCATION, BIO, PROFILE_IMAGE, CREATED_AT))),
            List.of(IndexDef.unique("ix_user_auth_ht_email", "user_auth_ht", EMAIL)));

    private static final List<Layout> ALL = List.of(MONOLITH, FRAGMENTED, MONOLITH_COVERING, FRAGMENTED_HOT_TOUCH);

    /** The monolith sharded by uid: a login by email must ask every shard, and email is unique per shard only. */
    public static final Layout MONOLITH_BY_UID = new Layout("monolith@uid",
            "one table with every column, sharded by uid (email unique on each shard only)",
            List.of(new TableDef("user_monolith_su", Field.ALL)),
            List.of(IndexDef.unique("ix_user_monolith_su_email", "user_monolith_su", EMAIL)),
            new Sharding("uid", Map.of("user_monolith_su", UID), null));

    /** The monolith sharded by uid with an email→uid table sharded by email: the split chosen for the access path. */
    public static final Layout MONOLITH_BY_UID_EMAIL_LOOKUP = new Layout("monolith@uid+email_lookup",
            "one table sharded by uid, and an email to uid lookup table sharded by email that makes email unique "
                    + "across shards and gives a login the uid, which names the user's shard",
            List.of(new TableDef("user_monolith_sl", Field.ALL)),
            List.of(IndexDef.unique("ix_user_monolith_sl_email", "user_monolith_sl", EMAIL)),
            new Sharding("uid+email_lookup", Map.of("user_monolith_sl", UID),
                    new TableDef("user_email_lookup_sl", List.of(UID, EMAIL))));

    /** The split with both tables sharded by uid: a user's rows share a shard, a login by email asks every shard. */
    public static final Layout FRAGMENTED_BY_UID = new Layout("fragmented@uid",
            "user_auth and user_profile both sharded by uid (email unique on each shard only)",
            List.of(new TableDef("user_auth_su", AUTH_COLUMNS), new TableDef("user_profile_su", PROFILE_COLUMNS)),
            List.of(IndexDef.unique("ix_user_auth_su_email", "user_auth_su", EMAIL)),
            new Sharding("uid", Map.of("user_auth_su", UID, "user_profile_su", UID), null));

    /** The split sharded for each table's access path: login by email on one shard, profile by uid on one shard. */
    public static final Layout FRAGMENTED_BY_EMAIL = new Layout("fragmented@email",
            "user_auth sharded by email (a login asks one shard; email unique across shards), user_profile by uid",
            List.of(new TableDef("user_auth_se", AUTH_COLUMNS), new TableDef("user_profile_se", PROFILE_COLUMNS)),
            List.of(IndexDef.unique("ix_user_auth_se_email", "user_auth_se", EMAIL)),
            new Sharding("email", Map.of("user_auth_se", EMAIL, "user_profile_se", UID), null));

    /** The layouts of a sharded cluster ({@code cluster:} URLs); each names its shard key after {@code @}. */
    private static final List<Layout> SHARDED = List.of(MONOLITH_BY_UID, MONOLITH_BY_UID_EMAIL_LOOKUP,
            FRAGMENTED_BY_UID, FRAGMENTED_BY_EMAIL);

    private Layouts() {
    }

    public static List<Layout> all() {
        return ALL;
    }

    /** The sharded layouts, for a cluster. */
    public static List<Layout> sharded() {
        return SHARDED;
    }

    public static Layout byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        if (wanted.contains("@")) {
            return SHARDED.stream().filter(l -> l.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown sharded layout '" + name + "': choose from "
                            + SHARDED.stream().map(Layout::name).collect(Collectors.joining(", "))));
        }
        return ALL.stream().filter(l -> l.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown layout '" + name + "': choose from "
                        + ALL.stream().map(Layout::name).collect(Collectors.joining(", "))));
    }

    /** Parses a comma-separated list such as {@code monolith,fragmented}; a layout may repeat (A/A checks). */
    public static List<Layout> parse(String commaSeparated) {
        List<Layout> layouts = new ArrayList<>();
        Stream.of(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> layouts.add(byName(s)));
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("no layout named: give one or more of "
                    + ALL.stream().map(Layout::name).collect(Collectors.joining(", ")));
        }
        return List.copyOf(layouts);
    }
}
