#!/usr/bin/env bash
# A pg_auto_failover formation on loopback ports for .ci/ha: a monitor and three PostgreSQL 15
# nodes (one primary, two standbys, number_sync_standbys = 1), run as the postgres OS user from a
# temporary directory. Sourced by .ci/ha; see ../shared/ha notes in the issue for why each step is here.
#
#   ha_start DIR     start the formation under DIR (ports 55400 monitor, 55401-55403 nodes)
#   ha_uri           the multi-host URL Latchkey connects with (target_session_attrs=read-write)
#   ha_primary       the port of the current primary
#   ha_kill PORT     SIGSTOP then SIGKILL a node's postgres and its keeper (an unplanned failure)
#   ha_restart PORT  start a killed node's keeper again (it rejoins as a standby, pg_rewind)
#   ha_stop          stop everything, leave no postgres behind

PGBIN=/usr/lib/postgresql/15/bin
MONITOR_PORT=55400
NODE_PORTS=(55401 55402 55403)

as_pg() { runuser -u postgres -- env PG_REGRESS_SOCK_DIR="$HA_DIR/sock" PGHOST="$HA_DIR/sock" XDG_CONFIG_HOME="$HA_DIR/xdg/config" XDG_DATA_HOME="$HA_DIR/xdg/data" XDG_RUNTIME_DIR="$HA_DIR/xdg/run" "$@"; }

# A supervisor in its own process group (its children rename themselves "pg_autoctl: …", so
# only the group finds them all).
supervise() { # name pgdata
  setsid runuser -u postgres -- env PG_REGRESS_SOCK_DIR="$HA_DIR/sock" PGHOST="$HA_DIR/sock" XDG_CONFIG_HOME="$HA_DIR/xdg/config" XDG_DATA_HOME="$HA_DIR/xdg/data" XDG_RUNTIME_DIR="$HA_DIR/xdg/run" \
    pg_autoctl run --pgdata "$2" >"$HA_DIR/$1.log" 2>&1 &
  echo $! >"$HA_DIR/$1.pid"
}

monitor_uri() { echo "postgres://autoctl_node@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable"; }

ha_psql_monitor() { as_pg psql -qtA -h 127.0.0.1 -p "$MONITOR_PORT" -U postgres -d pg_auto_failover -c "$1"; }

start_node() { supervise "node$1" "$HA_DIR/node$1"; }

ha_start() {
  HA_DIR=$1
  export HA_DIR
  mkdir -p "$HA_DIR/sock" "$HA_DIR/xdg/config" "$HA_DIR/xdg/data" "$HA_DIR/xdg/run"
  chown -R postgres:postgres "$HA_DIR"
  as_pg pg_autoctl create monitor --pgctl "$PGBIN/pg_ctl" --pgdata "$HA_DIR/monitor" --pgport "$MONITOR_PORT" \
    --hostname 127.0.0.1 --auth trust --no-ssl >"$HA_DIR/monitor.create.log" 2>&1
  supervise monitor "$HA_DIR/monitor"
  for _ in $(seq 1 60); do ha_psql_monitor "SELECT 1" >/dev/null 2>&1 && break; sleep 0.5; done
  # Shortened health checks (the test's own timing; defaults detect a dead primary in 20-30 s).
  for setting in health_check_period=1000 health_check_timeout=1000 health_check_max_retries=1 \
    health_check_retry_delay=500 node_considered_unhealthy_timeout=3000 primary_demote_timeout=3000; do
    as_pg psql -qtA -h 127.0.0.1 -p "$MONITOR_PORT" -U postgres -d pg_auto_failover \
      -c "ALTER SYSTEM SET pgautofailover.${setting%%=*} = ${setting#*=}" >/dev/null
  done
  as_pg psql -qtA -h 127.0.0.1 -p "$MONITOR_PORT" -U postgres -d pg_auto_failover -c "SELECT pg_reload_conf()" >/dev/null
  local n=0
  for port in "${NODE_PORTS[@]}"; do
    n=$((n + 1))
    as_pg pg_autoctl create postgres --pgctl "$PGBIN/pg_ctl" --pgdata "$HA_DIR/node$port" --pgport "$port" \
      --hostname 127.0.0.1 --name "node$n" --dbname latchkey --monitor "$(monitor_uri)" --auth trust --no-ssl \
      --replication-quorum true --candidate-priority 50 >"$HA_DIR/node$port.create.log" 2>&1 &
    local creating=$!
    # A standby's base backup waits for a checkpoint: ask the primary for one while it waits.
    while kill -0 "$creating" 2>/dev/null; do
      if [ "$port" != "${NODE_PORTS[0]}" ]; then as_pg psql -qtA -h 127.0.0.1 -p "${NODE_PORTS[0]}" -d postgres -c CHECKPOINT >/dev/null 2>&1 || true; fi
      sleep 1
    done
    wait "$creating" || { cat "$HA_DIR/node$port.create.log"; return 1; }
    start_node "$port"
    ha_wait_state "$port" "single|primary|secondary" 120 || return 1
  done
  as_pg pg_autoctl set formation number-sync-standbys 1 --pgdata "$HA_DIR/node${NODE_PORTS[0]}" >/dev/null 2>&1
  ha_wait_all_settled 120
}

# Waits until the node on PORT reports a state matching the regex (its goal reached).
ha_wait_state() { # port regex seconds
  local port=$1 want=$2 secs=$3
  for _ in $(seq 1 $((secs * 2))); do
    local state
    state=$(ha_psql_monitor "SELECT reportedstate FROM pgautofailover.node WHERE nodeport = $port AND reportedstate = goalstate" 2>/dev/null)
    [[ "$state" =~ ^($want)$ ]] && return 0
    sleep 0.5
  done
  echo "node $port did not reach $want: $(ha_psql_monitor "SELECT nodeport, reportedstate, goalstate FROM pgautofailover.node")" >&2
  return 1
}

ha_wait_all_settled() { # seconds: one primary, two secondaries, every node at its goal
  local secs=$1
  for _ in $(seq 1 $((secs * 2))); do
    local line
    line=$(ha_psql_monitor "SELECT count(*) FILTER (WHERE reportedstate = 'primary' AND goalstate = 'primary') || ' ' ||
                                   count(*) FILTER (WHERE reportedstate = 'secondary' AND goalstate = 'secondary')
                            FROM pgautofailover.node" 2>/dev/null)
    [ "$line" = "1 2" ] && return 0
    sleep 0.5
  done
  echo "formation did not settle: $(ha_psql_monitor "SELECT nodeport, reportedstate, goalstate FROM pgautofailover.node")" >&2
  return 1
}

ha_uri() {
  local hosts
  hosts=$(printf '127.0.0.1:%s,' "${NODE_PORTS[@]}")
  echo "postgres://postgres@${hosts%,}/latchkey?target_session_attrs=read-write&connect_timeout=2"
}

ha_primary() { ha_psql_monitor "SELECT nodeport FROM pgautofailover.node WHERE reportedstate = 'primary'" | head -1; }

ha_kill() { # port: the keeper's whole process group (keeper, postgres and its backends)
  local group
  group=$(cat "$HA_DIR/node$1.pid")
  # Frozen first, so the keeper cannot restart postgres between the kills.
  kill -STOP -- "-$group" 2>/dev/null
  kill -KILL -- "-$group" 2>/dev/null
  true
}

ha_restart() { start_node "$1"; }

ha_switchover() { as_pg pg_autoctl perform switchover --pgdata "$HA_DIR/node$(ha_primary)" 2>&1 | tail -3; }

ha_stop() {
  [ -n "${HA_DIR:-}" ] || return 0
  for pidfile in "$HA_DIR"/*.pid; do
    if [ -f "$pidfile" ]; then kill -INT -- "-$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  sleep 3
  for pidfile in "$HA_DIR"/*.pid; do
    if [ -f "$pidfile" ]; then kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  true
}
