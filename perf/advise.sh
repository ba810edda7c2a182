#!/usr/bin/env bash
# The advisor's benchmark to quote (issue 16; a benchmark, not a test): the study's users table with its default mix
# and the product catalogue with its own, on SQLite and on the machine's MariaDB and PostgreSQL (database test, user
# root, the tool's own namespace advisor_bench, removed at the end): candidates, predicted against measured cost,
# and the recommendation with its interval. On 2 shared cores USERS=100000 OPS=8000 TRIALS=10 took 3-7 minutes per
# run, about 12 minutes per engine for both tables.
# Usage: perf/advise.sh            (extra advise options after the script's name go to every run)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
definitions="$here/lib/src/main/resources/dev/userbench/definition"
out="$here/temp/perf/advise-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
"$here/userbench" --version >/dev/null
for engine in sqlite postgresql mariadb; do
  case $engine in
    sqlite) connection=(--jdbc-url "jdbc:sqlite:$out/advise.db");;
    postgresql) connection=(--jdbc-url 'jdbc:postgresql://127.0.0.1:5432/test' --user root --schema advisor_bench);;
    mariadb) connection=(--jdbc-url 'jdbc:mariadb://127.0.0.1:3306/test' --user root --schema advisor_bench);;
  esac
  for table in users products; do
    echo "== $engine $table"
    "$here/userbench" advise --table "$definitions/$table.sql" --queries "$definitions/$table.queries.sql" \
      "${connection[@]}" --users "${USERS:-100000}" --ops "${OPS:-8000}" --trials "${TRIALS:-10}" \
      --out "$out/$engine-$table" "$@" 2>"$out/$engine-$table.err" | sed -n '/^Measured/,$p'
  done
  if [ "$engine" != sqlite ]; then "$here/userbench" clean "${connection[@]}" >/dev/null; fi
done
echo "results under $out"
