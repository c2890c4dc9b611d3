#!/usr/bin/env bash
# Starts a release build of Latchkey on a temporary database (SQLite, and PostgreSQL when
# reachable), floods it with the latchkey-bench load generator, prints the figures and stops it.
# Usage: tools/bench.sh [seconds] [concurrency] [verify-users] [modes: "login verify sms flood"]
# LATCHKEY_BENCH_SERVER=path runs that server binary instead of this tree's release build.
# LATCHKEY_BENCH_BASELINE=path runs every measurement twice, first on that binary ("before": build
# the older commit, copy its binary aside) and then on this tree's ("after"), one after the other.
# The /verify run uses light argon2 parameters for its setup logins: the measured /verify path
# has no password hashing, and production parameters would only slow the setup.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
concurrency=${2:-16}
verify_users=${3:-3000}
modes=${4:-login verify}
pg_base=${LATCHKEY_BENCH_PG:-postgres://postgres@127.0.0.1:5432}
server=${LATCHKEY_BENCH_SERVER:-./target/release/latchkey}
baseline=${LATCHKEY_BENCH_BASELINE:-}
cargo build --release --quiet -p latchkey -p latchkey-bench --bins

run_one() {
  local label=$1 url=$2 extra_env=$3
  local dir key port pid
  dir=$(mktemp -d)
  key="lk_admin_$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)"
  port=$((20000 + RANDOM % 20000))
  # The load comes from one address at a few accounts: the rate limits would measure themselves.
  local binary=${BENCH_BINARY:-$server}
  env $extra_env LATCHKEY_RATE_LIMIT_PER_IP=0 LATCHKEY_RATE_LIMIT_PER_ACCOUNT=0 LATCHKEY_BIND=127.0.0.1:$port LATCHKEY_DATA_DIR=$dir LATCHKEY_DATABASE_URL=$url \
    LATCHKEY_BOOTSTRAP_ADMIN_KEY=$key LATCHKEY_LOG=warn "$binary" serve >"$dir/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  ./target/release/latchkey-bench --url "http://127.0.0.1:$port" --admin-key "$key" --seconds "$seconds" \
    --concurrency "$concurrency" --server-pid "$pid" --label "$label" "${@:4}" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}

light="LATCHKEY_LOG=warn LATCHKEY_ARGON2_MEMORY_KIB=256 LATCHKEY_ARGON2_ITERATIONS=1"
both() {
  if [ -n "$baseline" ] && [ -z "${BENCH_BINARY:-}" ]; then
    BENCH_BINARY=$baseline LABEL_SUFFIX=" (before)" both "$@"
    BENCH_BINARY=$server LABEL_SUFFIX=" (after)" both "$@"
    return
  fi
  run_one "sqlite${LABEL_SUFFIX:-}" "sqlite://$(mktemp -d)/bench.db" "$@"
  if psql "$pg_base/postgres" -Atc 'select 1' >/dev/null 2>&1; then
    db="latchkey_bench_$$_$RANDOM"
    psql "$pg_base/postgres" -qc "CREATE DATABASE $db"
    run_one "postgres${LABEL_SUFFIX:-}" "$pg_base/$db" "$@"
    psql "$pg_base/postgres" -qc "DROP DATABASE $db WITH (FORCE)"
  else
    echo "PostgreSQL not reachable at $pg_base: skipped"
  fi
}
for mode in $modes; do
  case $mode in
    login) both "LATCHKEY_LOG=warn" --mode login --users 32 ;;
    # 256 connections of logins with production argon2 parameters, probes alongside.
    flood) both "LATCHKEY_LOG=warn" --mode flood --users 32 --concurrency 256 ;;
    verify)
      both "$light" --mode verify --users "$verify_users"
      # The same run's physical limit: PostgreSQL alone, with the writes of a /verify.
      if psql "$pg_base/postgres" -Atc 'select 1' >/dev/null 2>&1; then
        tools/pg-limit/run.sh "$pg_base" "$seconds" 8
      fi ;;
    sms)
      gateway_port=$((40000 + RANDOM % 20000))
      sms_env="$light LATCHKEY_DELIVERY_SMS=webhook LATCHKEY_DELIVERY_WEBHOOK_URL=http://127.0.0.1:$gateway_port/sms"
      sms_env="$sms_env LATCHKEY_DELIVERY_WEBHOOK_SECRET=whsec_YmVuY2htYXJrLWdhdGV3YXktc2VjcmV0"
      both "$sms_env" --mode sms --users 64 --gateway-port "$gateway_port" ;;
  esac
done
