#!/usr/bin/env bash
# A paper-trading cluster as plain processes, for machines without Docker (and for the failover tests):
# PostgreSQL on loopback, `rari sim`, and three `rari node` processes on distinct ports.
#
#   scripts/cluster-local.sh up [MODE]    start everything (MODE grid|volatility|hybrid, default grid)
#   scripts/cluster-local.sh status       which processes run, the cluster's members and where the symbols are
#   scripts/cluster-local.sh kill NODE    kill -9 node 1, 2 or 3 (a crash: no shutdown hook runs)
#   scripts/cluster-local.sh stop NODE    stop node NODE gracefully (SIGTERM: it leaves, its shards hand over)
#   scripts/cluster-local.sh start NODE   start node NODE again (it rejoins)
#   scripts/cluster-local.sh down         stop the nodes, the simulator and PostgreSQL (the folder is kept)
#
# Everything lives under $RARI_CLUSTER_DIR (default .cluster-local): pg/ (the database), sim/, node1..3/ (each with
# state/ and logs/), the generated paper account's keys and the ops token (files readable by their owner only).
# Ports: PostgreSQL $RARI_CLUSTER_PG_PORT (55434), simulator $RARI_CLUSTER_SIM_PORT (5380), cluster 4053-4055,
# ops endpoints 9110-9112 ($RARI_CLUSTER_PORT_BASE and $RARI_CLUSTER_OPS_BASE move them). $RARI_DLL names a built
# rari.dll; without it the script builds src/Rari.Node into the folder once. $RARI_CLUSTER_SYMBOLS (default
# BTCUSDT,ETHUSDT,SOLUSDT,SUIUSDT), $RARI_CLUSTER_SPEED (replay speed, default 60) and $RARI_CLUSTER_ARGS (more
# `rari node` arguments, e.g. "--set grid.spacing=0.004") shape the run. $RARI_CLUSTER_HOST (default 127.0.0.1) is the
# address PostgreSQL, the simulator and the nodes listen on; $RARI_CLUSTER_NODE<N>_HOST and $RARI_CLUSTER_NODE<N>_NETNS
# put node N on another address inside a network namespace (the partition test uses them).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(mkdir -p "${RARI_CLUSTER_DIR:-$repo/.cluster-local}" && cd "${RARI_CLUSTER_DIR:-$repo/.cluster-local}" && pwd)"
pg_port="${RARI_CLUSTER_PG_PORT:-55434}"
sim_port="${RARI_CLUSTER_SIM_PORT:-5380}"
port_base="${RARI_CLUSTER_PORT_BASE:-4053}"
ops_base="${RARI_CLUSTER_OPS_BASE:-9110}"
symbols="${RARI_CLUSTER_SYMBOLS:-BTCUSDT,ETHUSDT,SOLUSDT,SUIUSDT}"
speed="${RARI_CLUSTER_SPEED:-60}"
pg_bin="${RARI_PG_BIN:-/usr/lib/postgresql/15/bin}"
host="${RARI_CLUSTER_HOST:-127.0.0.1}"

die() { echo "cluster-local: $*" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
node_port() { echo $((port_base + $1 - 1)); }
node_host() { local v="RARI_CLUSTER_NODE$1_HOST"; echo "${!v:-$host}"; }
node_netns() { local v="RARI_CLUSTER_NODE$1_NETNS"; echo "${!v:-}"; }
ops_port() { echo $((ops_base + $1 - 1)); }

rari_dll() {
  if [ -n "${RARI_DLL:-}" ]; then echo "$RARI_DLL"; return; fi
  if [ ! -f "$dir/bin/rari.dll" ]; then
    echo "building src/Rari.Node into $dir/bin" >&2
    dotnet build "$repo/src/Rari.Node" -c Release -o "$dir/bin" -v quiet -nologo >&2
  fi
  echo "$dir/bin/rari.dll"
}

secret_file() { (umask 077; printf '%s' "$2" > "$1"); }

start_pg() {
  [ -x "$pg_bin/initdb" ] || die "PostgreSQL 15 is not installed ($pg_bin/initdb); install postgresql-15 or set RARI_PG_BIN."
  if [ ! -d "$dir/pg/data" ]; then
    mkdir -p "$dir/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pg"
    as_pg "$pg_bin/initdb" -D "$dir/pg/data" -U "$(pg_user)" --auth=trust -E UTF8 >/dev/null
    # Listening beyond loopback (a namespaced node): trust the directly attached subnets too, nothing further.
    [ "$host" = 127.0.0.1 ] || echo "host all all samenet trust" >> "$dir/pg/data/pg_hba.conf"
  fi
  as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" status >/dev/null 2>&1 || as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
    -o "-p $pg_port -k $dir/pg -c listen_addresses=$( [ "$host" = 127.0.0.1 ] && echo 127.0.0.1 || echo "127.0.0.1,$host")" start >/dev/null
  as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$(pg_user)" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='rari'" | grep -q 1 \
    || as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$(pg_user)" rari
  echo "PostgreSQL on 127.0.0.1:$pg_port (database rari)"
}

start_sim() {
  alive "$dir/sim.pid" && { echo "rari sim already runs (pid $(cat "$dir/sim.pid"))"; return; }
  mkdir -p "$dir/sim"
  rm -f "$dir/sim/out.log"
  # The simulator's admin API answers loopback only: beyond loopback it listens everywhere, so the nodes reach it on
  # $host while the audit still reads it on 127.0.0.1.
  local sim_bind=127.0.0.1
  [ "$host" = 127.0.0.1 ] || sim_bind=0.0.0.0
  if [ ! -f "$dir/keys" ]; then
    secret_file "$dir/keys" "$(openssl rand -hex 32) $(openssl rand -hex 32)"
  fi
  read -r key secret < "$dir/keys" || true
  secret_file "$dir/sim/accounts.json" "{\"accounts\":[{\"name\":\"paper\",\"balance\":\"10000\",\"v1\":{\"apiKey\":\"$key\",\"apiSecret\":\"$secret\"}}]}"
  (cd "$dir/sim" && exec nohup dotnet "$(rari_dll)" sim --bind "$sim_bind" --port "$sim_port" --accounts accounts.json --speed "$speed" --history-bars 1440 > out.log 2>&1) &
  echo $! > "$dir/sim.pid"
  for _ in $(seq 1 120); do grep -q "listening on" "$dir/sim/out.log" 2>/dev/null && break; sleep 0.5; done
  grep -q "listening on" "$dir/sim/out.log" || die "rari sim did not start; see $dir/sim/out.log"
  echo "rari sim on http://$host:$sim_port (pid $(cat "$dir/sim.pid"))"
}

start_node() {
  local n="$1" mode="${2:-$(cat "$dir/mode" 2>/dev/null || echo grid)}"
  alive "$dir/node$n.pid" && { echo "node $n already runs (pid $(cat "$dir/node$n.pid"))"; return; }
  read -r key secret < "$dir/keys" || true
  [ -f "$dir/ops-token" ] || secret_file "$dir/ops-token" "$(openssl rand -hex 32)"
  mkdir -p "$dir/node$n"
  local netns=() node_host_n seeds
  node_host_n="$(node_host "$n")"
  [ -n "$(node_netns "$n")" ] && netns=(ip netns exec "$(node_netns "$n")")
  seeds="$(node_host 1):$(node_port 1),$(node_host 2):$(node_port 2),$(node_host 3):$(node_port 3)"
  # shellcheck disable=SC2086 # RARI_CLUSTER_ARGS is a list of arguments
  (cd "$dir/node$n" && ASTER_API_KEY="$key" ASTER_API_SECRET="$secret" RARI_OPS_TOKEN="$(cat "$dir/ops-token")" \
    RARI_POSTGRES_CONNECTION="Host=$host;Port=$pg_port;Username=$(pg_user);Database=rari" \
    RARI_HOST="$node_host_n" RARI_PORT="$(node_port "$n")" RARI_SEEDS="$seeds" \
    exec nohup "${netns[@]}" dotnet "$(rari_dll)" node "$mode" --venue "http://$host:$sim_port" --symbols "$symbols" \
      --ops-host "$node_host_n" --ops-port "$(ops_port "$n")" --no-dashboard ${RARI_CLUSTER_ARGS:-} >> out.log 2>&1) &
  echo $! > "$dir/node$n.pid"
  echo "node $n: akka.tcp://rari@$node_host_n:$(node_port "$n"), ops $node_host_n:$(ops_port "$n") (pid $(cat "$dir/node$n.pid"), logs $dir/node$n)"
}

ops() {
  local n
  for n in 1 2 3; do
    if alive "$dir/node$n.pid"; then
      dotnet "$(rari_dll)" ops "$@" --host "$(node_host "$n")" --port "$(ops_port "$n")" --token "$(cat "$dir/ops-token")" && return 0
    fi
  done
  return 1
}

node_arg() { [[ "${1:-}" =~ ^[123]$ ]] || die "name a node: 1, 2 or 3"; }

case "${1:-}" in
  up)
    mode="${2:-grid}"
    echo "$mode" > "$dir/mode"
    start_pg
    start_sim
    for n in 1 2 3; do start_node "$n" "$mode"; done
    echo "state and logs: $dir; 'scripts/cluster-local.sh status' shows the cluster once the nodes are up"
    ;;
  status)
    for p in sim node1 node2 node3; do
      if alive "$dir/$p.pid"; then echo "$p: running (pid $(cat "$dir/$p.pid"))"; else echo "$p: not running"; fi
    done
    ops cluster show || echo "no node answers yet"
    ops shards show || true
    ;;
  kill)
    node_arg "${2:-}"
    alive "$dir/node$2.pid" || die "node $2 is not running"
    kill -9 "$(cat "$dir/node$2.pid")"
    echo "node $2 killed (SIGKILL)"
    ;;
  stop)
    node_arg "${2:-}"
    alive "$dir/node$2.pid" || die "node $2 is not running"
    pid="$(cat "$dir/node$2.pid")"
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
    echo "node $2 left the cluster and stopped"
    ;;
  start)
    node_arg "${2:-}"
    start_node "$2"
    ;;
  down)
    for p in node3 node2 node1 sim; do
      if alive "$dir/$p.pid"; then
        pid="$(cat "$dir/$p.pid")"
        kill -TERM "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        echo "$p stopped"
      fi
    done
    if [ -f "$dir/pg/data/postmaster.pid" ]; then
      as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null && echo "PostgreSQL stopped"
    fi
    echo "state and logs kept in $dir (delete it for a fresh cluster)"
    ;;
  *)
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
