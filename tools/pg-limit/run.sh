#!/usr/bin/env bash
# PostgreSQL's own limit for a /verify-shaped write, without Latchkey: pgbench (prepared, CLIENTS
# clients) on the tables of schema.sql, sent as today's eleven statements and as one read plus one
# write (issue 25's design). tools/bench.sh prints it beside Latchkey's /verify rate.
# Usage: tools/pg-limit/run.sh [postgres-url-without-database] [seconds] [clients]
set -euo pipefail
cd "$(dirname "$0")"
base=${1:-postgres://postgres@127.0.0.1:5432}
seconds=${2:-15}
clients=${3:-8}
db="latchkey_limit_$$"
psql "$base/postgres" -qc "CREATE DATABASE $db"
trap 'psql "$base/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
psql "$base/$db" -q -f schema.sql >/dev/null
for shape in statements two_round_trips; do
  tps=$(pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -f "$shape.sql" "$base/$db" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  latency=$(printf '%s' "$tps" | awk -v c="$clients" '{ if ($1 > 0) printf "%.1f", c * 1000 / $1; else print "?" }')
  printf 'postgres limit (%s, c=%s): %.0f transactions/s, %s ms average\n' "$shape" "$clients" "$tps" "$latency"
done
