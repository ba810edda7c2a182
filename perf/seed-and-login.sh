#!/usr/bin/env bash
# perf/seed-and-login.sh: issue 7's benchmark, side by side in one run (about 10-15 minutes here).
#
#   (a) generation users/s at 1 and 2 generator threads (cold, then warm);
#   (b) seeding PERF_USERS (1,000,000) users into SQLite (a file), the local MariaDB and the local
#       PostgreSQL, both layouts, with `userbench seed` (generation included) vs the engine's own loader
#       on the same users exported with `userbench export`: sqlite3 .import, mariadb LOAD DATA LOCAL
#       INFILE, psql \copy ... CSV HEADER; ratio = tool users/s / native users/s;
#   (c) the tool's timed login loop (bench.LoginBenchmark, projected) vs a bare JDBC loop of the same
#       statement on the same connection, on each engine's 1M-user monolith; ratio of ops/s;
#   (d) peak heap while seeding PERF_BIG_USERS (10,000,000) users into SQLite under -Xmx256m.
#
# Native floors load into the very tables the tool creates (`userbench seed --users 1`, then emptied):
# same DDL, indexes and foreign key. Both sides fill one layout in one transaction (MariaDB's LOAD DATA
# commits per table). The exported CSV is split per table beforehand, untimed (COPY cannot skip
# columns), and the floor's time is the loader command's wall time; the tool's is the load as
# `userbench seed` reports it (first user generated to commit; JVM start and DDL excluded on both
# sides). Before each timed load the previous one's background writes are let finish (sync, CHECKPOINT,
# InnoDB dirty pages flushed), so the second of a pair does not pay for the first. SQLite's shell (3.40 here) has no unhex(): perf/sqlite-unhex.c adds it (needs gcc and
# libsqlite3-dev), and .import goes through a TEMP view whose INSTEAD OF trigger turns the uid text
# into its 16-byte blob and the ISO times into epoch seconds, one pass into the real table.
#
# Touches only temp/perf/ and the tool's own tables (user_monolith, user_auth, user_profile) in the
# database `test` of MariaDB at 127.0.0.1:3306 and PostgreSQL at 127.0.0.1:5432 (user root, no
# password), which it drops at the end (PERF_KEEP=1 keeps tables and files).
#
# Usage: perf/seed-and-login.sh            (prints the report; also kept in temp/perf/report.txt)
# Knobs: PERF_USERS, PERF_BIG_USERS (0 skips (d)), PERF_ENGINES="sqlite mariadb postgresql", PERF_LOGINS, PERF_ROUNDS,
#        PERF_MYSQL_URL (default jdbc:mariadb://127.0.0.1:3306/test), PERF_PG_URL.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
USERS=${PERF_USERS:-1000000}
BIG_USERS=${PERF_BIG_USERS:-10000000}
ENGINES=${PERF_ENGINES:-sqlite mariadb postgresql}
LOGINS=${PERF_LOGINS:-2000}
ROUNDS=${PERF_ROUNDS:-40}
SEED=42
MYSQL_URL=${PERF_MYSQL_URL:-jdbc:mariadb://127.0.0.1:3306/test}
PG_URL=${PERF_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
dir="$here/temp/perf"
mkdir -p "$dir"
report="$dir/report.txt"
: > "$report"
jar="$here/lib/target/user-entity-bench.jar"

say() { printf '%s\n' "$*" | tee -a "$report"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }
ratio() { echo "scale=3; $1 / $2" | bc -l | sed 's/^\./0./'; }
rate() { echo "$1 / $2" | bc -l | xargs printf '%.0f'; }
userbench() { java ${PERF_JAVA_OPTS:-} -Duserbench.home="$here" -jar "$jar" "$@"; }
probe() { java -cp "$jar" dev.userbench.perf.PerfProbe "$@"; }
# the tool keeps its tables in a namespace of its own (database `userbench` on MariaDB, schema `userbench`
# in database test on PostgreSQL): the native loaders load into those very tables
NS=userbench
mysql_root() { mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -u root "$@"; }
mysql_cli() { mysql_root --local-infile=1 "$NS" "$@"; }
pg_cli() { PGOPTIONS="-c search_path=$NS" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U root -d test "$@"; }
url_of() { case "$1" in sqlite) echo "jdbc:sqlite:$dir/$2.db" ;; mariadb) echo "$MYSQL_URL" ;; postgresql) echo "$PG_URL" ;; esac; }
user_of() { case "$1" in sqlite) echo "" ;; *) echo "root" ;; esac; }
seed_args() { local u; u="$(user_of "$1")"; [ -n "$u" ] && echo "--user $u" || true; }
# the load time `userbench seed` printed, in seconds
seconds_of() { sed -n 's/^[a-z_]*: [0-9]* users in \([0-9.]*\) s.*/\1/p' | tail -1; }

for tool in java mvn sqlite3 mariadb psql gcc python3 bc; do
  command -v "$tool" >/dev/null || { echo "perf: $tool is needed" >&2; exit 2; }
done
if [ ! -f "$jar" ] || [ -n "$(find lib/src/main lib/pom.xml pom.xml -newer "$jar" -print -quit)" ]; then
  echo "perf: building the helper jar" >&2
  mvn -B -q -pl lib -am package -DskipTests >&2
fi
gcc -O2 -fPIC -shared -o "$dir/unhex.so" perf/sqlite-unhex.c

say "== user-entity-bench perf: $(date -u +%FT%TZ) on $(nproc) cores, $(java -version 2>&1 | head -1)"
say "   users=$USERS big=$BIG_USERS seed=$SEED engines=[$ENGINES] mysql=$MYSQL_URL pg=$PG_URL"

say ""
say "== (a) generation (users/s; one thread = one core generating, the consumer only drains)"
probe generate "$USERS" 1 2 | grep '^generation' | tee -a "$report"

say ""
say "== (b) seeding $USERS users: userbench seed (generation included) vs the engine's own loader"
t0=$(now)
userbench export --users "$USERS" --seed "$SEED" --format csv --out "$dir/users.csv" 2>/dev/null
export_s=$(since "$t0")
say "   export of $USERS users to CSV: $(printf '%.1f' "$export_s") s ($(du -h "$dir/users.csv" | cut -f1))"
python3 - "$dir" <<'PY'
import csv, sys
d = sys.argv[1]
auth = ["uid", "email", "password_hash", "role", "is_verified"]
profile = ["uid", "name", "phone", "location", "bio", "profile_image", "created_at", "last_active"]
with open(f"{d}/users.csv", newline="", encoding="utf-8") as f, \
     open(f"{d}/auth.csv", "w", newline="", encoding="utf-8") as a, \
     open(f"{d}/profile.csv", "w", newline="", encoding="utf-8") as p:
    rows = csv.DictReader(f)
    wa = csv.writer(a, lineterminator="\n"); wp = csv.writer(p, lineterminator="\n")
    wa.writerow(auth); wp.writerow(profile)
    for r in rows:
        wa.writerow([r[c] for c in auth]); wp.writerow([r[c] for c in profile])
PY

tables_of() { case "$1" in monolith) echo "user_monolith" ;; fragmented) echo "user_auth user_profile" ;; esac; }
csv_of() { case "$1" in user_monolith) echo "$dir/users.csv" ;; user_auth) echo "$dir/auth.csv" ;; user_profile) echo "$dir/profile.csv" ;; esac; }
cols_of() {
  case "$1" in
    user_monolith) echo "uid,email,password_hash,role,is_verified,name,phone,location,bio,profile_image,created_at,last_active" ;;
    user_auth) echo "uid,email,password_hash,role,is_verified" ;;
    user_profile) echo "uid,name,phone,location,bio,profile_image,created_at,last_active" ;;
  esac
}

# Before each timed load, let the previous load's background writes finish, so that neither side pays
# for the other's: dirty OS pages synced, PostgreSQL checkpointed, InnoDB's dirty pages flushed (waits
# at most PERF_SETTLE seconds; changes no server setting).
settle() {
  sync
  case "$1" in
    postgresql) pg_cli -c "CHECKPOINT" ;;
    mariadb)
      local waited=0
      while [ "$(mysql_cli -N -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'")" -gt 100 ] \
            && [ "$waited" -lt "${PERF_SETTLE:-120}" ]; do
        sleep 1; waited=$((waited + 1))
      done ;;
  esac
}

drop_sql() { case "$1" in monolith) echo "DROP TABLE IF EXISTS user_monolith;" ;; fragmented) echo "DROP TABLE IF EXISTS user_profile; DROP TABLE IF EXISTS user_auth;" ;; esac; }

# SQL that empties the layout the tool just created with one user (referencing table first)
empty_sql() { case "$1" in monolith) echo "DELETE FROM user_monolith;" ;; fragmented) echo "DELETE FROM user_profile; DELETE FROM user_auth;" ;; esac; }

sqlite_load_script() {
  echo "PRAGMA foreign_keys = ON;"
  echo ".load $dir/unhex"
  echo "BEGIN;"
  for t in $(tables_of "$1"); do
    local cols values
    cols="$(cols_of "$t")"
    values="$(echo "$cols" | tr ',' '\n' | sed -e 's/^uid$/unhex(replace(NEW.uid, '"'-', ''"'))/' \
      -e 's/^\(created_at\|last_active\)$/unixepoch(NEW.\1)/' -e '/^unhex\|^unixepoch/!s/^/NEW./' | paste -sd, -)"
    echo "CREATE TEMP VIEW load_$t ($cols) AS SELECT $cols FROM main.$t;"
    echo "CREATE TEMP TRIGGER load_${t}_insert INSTEAD OF INSERT ON load_$t BEGIN INSERT INTO $t ($cols) VALUES ($values); END;"
    echo ".import --csv --skip 1 $(csv_of "$t") load_$t"
  done
  echo "COMMIT;"
}

mysql_load_sql() {
  for t in $(tables_of "$1"); do
    local cols vars sets
    cols="$(cols_of "$t")"
    vars="$(echo "$cols" | tr ',' '\n' | sed 's/^\(uid\|created_at\|last_active\)$/@\1/' | paste -sd, -)"
    sets="uid = UNHEX(REPLACE(@uid, '-', ''))"
    case "$t" in user_monolith|user_profile)
      sets="$sets, created_at = STR_TO_DATE(@created_at, '%Y-%m-%dT%H:%i:%sZ'), last_active = STR_TO_DATE(@last_active, '%Y-%m-%dT%H:%i:%sZ')" ;;
    esac
    echo "LOAD DATA LOCAL INFILE '$(csv_of "$t")' INTO TABLE $t CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '' LINES TERMINATED BY '\n' IGNORE 1 LINES ($vars) SET $sets;"
  done
}

native_load() { # engine layout -> seconds
  local engine=$1 layout=$2 t start
  case "$engine" in
    sqlite)
      sqlite_load_script "$layout" > "$dir/load-$layout.sqlite"
      start=$(now); sqlite3 -bail "$dir/native-$layout.db" < "$dir/load-$layout.sqlite"; since "$start" ;;
    mariadb)
      mysql_load_sql "$layout" > "$dir/load-$layout.mysql"
      start=$(now); mysql_cli < "$dir/load-$layout.mysql"; since "$start" ;;
    postgresql)
      local args=(-c "BEGIN")
      for t in $(tables_of "$layout"); do args+=(-c "\\copy $t ($(cols_of "$t")) FROM '$(csv_of "$t")' WITH (FORMAT csv, HEADER true)"); done
      args+=(-c "COMMIT")
      start=$(now); pg_cli "${args[@]}"; since "$start" ;;
  esac
}

count_rows() { # engine layout -> rows of the layout's first table
  local t; t="$(tables_of "$2" | cut -d' ' -f1)"
  case "$1" in
    sqlite) sqlite3 "$dir/native-$2.db" "SELECT COUNT(*) FROM $t" ;;
    mariadb) mysql_cli -N -e "SELECT COUNT(*) FROM $t" ;;
    postgresql) pg_cli -tA -c "SELECT COUNT(*) FROM $t" ;;
  esac
}

run_sql() { # engine db-file-name sql
  case "$1" in
    sqlite) sqlite3 "$dir/$2.db" "$3" ;;
    mariadb) mysql_cli -e "$3" ;;
    postgresql) pg_cli -c "$3" ;;
  esac
}

# Other sessions may run the tool against the same database: wait (at most PERF_WAIT seconds) until no
# other client is connected to it, so neither run drops the other's tables.
other_clients() {
  case "$1" in
    mariadb) mysql_root -N -e "SELECT COUNT(*) FROM information_schema.processlist WHERE db IN ('test', '$NS') AND id <> CONNECTION_ID()" ;;
    postgresql) pg_cli -tA -c "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = 'test' AND pid <> pg_backend_pid()" ;;
    *) echo 0 ;;
  esac
}
wait_for_quiet() {
  local waited=0
  while [ "$(other_clients "$1")" != 0 ] && [ "$waited" -lt "${PERF_WAIT:-300}" ]; do
    [ "$waited" = 0 ] && echo "perf: another client is using database test on $1; waiting" >&2
    sleep 5; waited=$((waited + 5))
  done
  [ "$waited" -gt 0 ] && say "   (waited ${waited} s for other clients of database test on $1 to leave)"
  return 0
}

printf '   %-11s %-10s %12s %12s %12s %12s %7s\n' engine layout "tool s" "tool u/s" "native s" "native u/s" ratio | tee -a "$report"
for engine in $ENGINES; do
  wait_for_quiet "$engine"
  for layout in monolith fragmented; do
    # the floor first, into the tool's own DDL (created with one user, then emptied)
    [ "$engine" = sqlite ] && rm -f "$dir/native-$layout.db"
    userbench seed --users 1 --layouts "$layout" --jdbc-url "$(url_of "$engine" "native-$layout")" $(seed_args "$engine") >/dev/null
    run_sql "$engine" "native-$layout" "$(empty_sql "$layout")" >/dev/null
    settle "$engine"
    n_s=$(native_load "$engine" "$layout")
    n_rows=$(count_rows "$engine" "$layout")
    [ "$n_rows" = "$USERS" ] || { echo "perf: the native load of $engine/$layout left $n_rows rows, not $USERS" >&2; exit 4; }
    [ "$engine" = sqlite ] && rm -f "$dir/native-$layout.db"
    # then the tool, generation included
    [ "$engine" = sqlite ] && rm -f "$dir/tool-$layout.db" || run_sql "$engine" "tool-$layout" "$(drop_sql "$layout")" >/dev/null
    settle "$engine"
    t_s=$(userbench seed --users "$USERS" --seed "$SEED" --layouts "$layout" --jdbc-url "$(url_of "$engine" "tool-$layout")" $(seed_args "$engine") | seconds_of)
    printf '   %-11s %-10s %12.2f %12s %12.2f %12s %6sx\n' "$engine" "$layout" "$t_s" "$(rate "$USERS" "$t_s")" "$n_s" \
      "$(rate "$USERS" "$n_s")" "$(ratio "$n_s" "$t_s")" | tee -a "$report"
    [ "$engine" = sqlite ] && [ "$layout" = fragmented ] && rm -f "$dir/tool-$layout.db"
  done
done

say ""
say "== (c) login loop on each engine's $USERS-user monolith: userbench's timed loop vs a bare JDBC loop, same connection"
say "   ($ROUNDS alternating rounds of $LOGINS logins each; ratio = median over rounds of tool ops/s / bare ops/s)"
for engine in $ENGINES; do
  probe login "$(url_of "$engine" tool-monolith)" "$(user_of "$engine")" "$USERS" "$SEED" "$LOGINS" "$ROUNDS" | grep '^login' | sed 's/^/   /' | tee -a "$report"
done

if [ "$BIG_USERS" -gt 0 ]; then # PERF_BIG_USERS=0 skips (d)
  say ""
  say "== (d) seeding $BIG_USERS users into SQLite (monolith) with -Xmx256m"
  rm -f "$dir/big.db"
  PERF_JAVA_OPTS="-Xmx256m" userbench seed --users "$BIG_USERS" --seed "$SEED" --layouts monolith --jdbc-url "jdbc:sqlite:$dir/big.db" \
    | grep -E '^(monolith|Peak)' | sed 's/^/   /' | tee -a "$report"
  say "   database file: $(du -h "$dir/big.db" | cut -f1)"
fi

if [ "${PERF_KEEP:-0}" != 1 ]; then
  rm -f "$dir"/*.db "$dir"/*.csv
  mysql_cli -e "DROP TABLE IF EXISTS user_profile, user_auth, user_monolith" || true
  pg_cli -c "DROP TABLE IF EXISTS user_profile, user_auth, user_monolith" || true
fi
say ""
say "== done; this report is in $report"
