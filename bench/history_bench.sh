#!/usr/bin/env bash
# Runs bench/history_bench against SQLite and a throwaway PostgreSQL server, side by side: Debian's initdb and
# pg_ctl, a cluster in a temporary folder on a Unix socket there (run as "nobody" when this runs as root, since
# PostgreSQL refuses root), stopped and removed at the end.
#   bench/history_bench.sh [RUN_SETS]   (after cmake --build build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/pyrometer-pg-XXXXXX)
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as=(runuser -u nobody --)
fi
stop() { "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
echo bench > "$dir/password" && chmod 644 "$dir/password"
"${as[@]}" "$bin/initdb" -D "$dir/data" -U pyrometer --pwfile="$dir/password" --auth=scram-sha-256 --locale=C \
  -E UTF8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-k $dir -p 5499 -c listen_addresses=''" start \
  >/dev/null
"${as[@]}" "$bin/psql" "postgresql://pyrometer:bench@/postgres?host=$dir&port=5499" -qc "CREATE DATABASE bench"
build/release/bench/history_bench "${1:-10000}" "postgresql://pyrometer:bench@/bench?host=$dir&port=5499"
