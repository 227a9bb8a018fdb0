#!/usr/bin/env bash
# Full-scale hostile clients of issue 7 against a fresh actorecho server, on demand (never in the unit suite); loopback only,
# every load bounded in connections and time. Each scenario is an `actorecho bench` mode; this script starts the server, warms it,
# runs the scenario with --server-pid (RSS, threads and open descriptors before, at peak and after) and prints one line per run.
#   bench/hostile.sh [slowloris|flood|slowread|all] [OUT-DIR]
#   slowloris: rr baseline, then SLOWLORIS_CONNECTIONS (1000) connections sending 1 byte/s for SLOWLORIS_SECONDS (60) with the same
#              rr client run beside them from the 10th second, then the rr baseline again (before/after interleaved)
#   flood:     FLOOD_RATE (5000) connects/s for FLOOD_SECONDS (10), each connect -> one 64 B echo -> close, FLOOD_WORKERS (200) in flight
#   slowread:  SLOWREAD_CONNECTIONS (1) clients each write up to SLOWREAD_BYTES (1GiB) in 64 KiB chunks for SLOWREAD_SECONDS (30) and
#              read nothing, then drain and compare
# Writes each run's JSON and the server's log to OUT-DIR (default: a new temporary directory). Needs a Release build of src/ActorEcho
# (`dotnet build src/ActorEcho -c Release`) and Linux (/proc). docs/reliability.md, "Full-scale hostile runs", has recorded runs.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
out=${2:-$(mktemp -d -t actorecho-hostile-XXXX)}
mkdir -p "$out"
ulimit -n "$(ulimit -Hn)" || true
app=src/ActorEcho/bin/Release/net10.0/actorecho.dll
[[ -f $app ]] || { echo "hostile.sh: $app not found; run 'dotnet build src/ActorEcho -c Release' first" >&2; exit 2; }
rr_connections=${RR_CONNECTIONS:-8}
rr_seconds=${RR_SECONDS:-20}

# Starts a fresh server on a free port (stats every second in its log), waits for it, warms it so that descriptors it opens lazily
# (on its first connections) are in the "before" sample; sets $pid, $port and $log.
start_server() {
  log="$out/server-$1.log"
  dotnet "$app" serve --port 0 --stats-interval 1s >"$log" 2>&1 & pid=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/^Listening on .*:\([0-9]*\)$/\1/p' "$log" | head -1)
    [[ -n $port ]] && break
    sleep 0.1
  done
  [[ -n $port ]] || { echo "hostile.sh: the server did not start: $(tail -3 "$log")" >&2; exit 1; }
  dotnet "$app" bench rr --port "$port" --connections 100 --duration 1s >/dev/null
}

# Waits (at most 10 s) for a stats line saying no connection is active, then stops the server and prints its last stats line.
stop_server() {
  for _ in $(seq 1 100); do
    grep 'stats: active=' "$log" | tail -1 | grep -q 'stats: active=0 ' && break
    sleep 0.1
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "  server's last stats: $(grep -o 'stats: active=[0-9]* accepted=[0-9]* closed=[0-9]*.*refused=[0-9]*' "$log" | tail -1)"
}

bench() { dotnet "$app" bench "$@" --port "$port" >"$out/$1-${tag}.txt" 2>&1 || echo "  (bench $1 exited $?)"; }

# One line per JSON: mode, rate, latency, errors, and the server's figures when sampled.
show() {
  python3 - "$@" <<'PY'
import json, sys
for path in sys.argv[1:]:
    d = json.load(open(path)); l = d["latencyUs"]; s = d.get("server")
    line = (f"  {path.rsplit('/', 1)[-1]:28s} {d['connections']:5d} conns  {d['operations']:>10,} ops  {d['operationsPerSecond']:>10,.1f}/s  "
            f"p50 {l['p50']:>10,.1f} us  p99 {l['p99']:>12,.1f} us  max {l['max']:>14,.1f} us  errors {d['errors']} {d['errorDetail']}")
    if s:
        mib = 1024 * 1024
        line += (f"\n  {'':28s} server before {s['before']['rssBytes']/mib:.1f} MiB/{s['before']['threads']} threads/{s['before']['openDescriptors']} fds, "
                 f"peak {s['peak']['rssBytes']/mib:.1f} MiB/{s['peak']['threads']} threads/{s['peak']['openDescriptors']} fds, "
                 f"after {s['after']['rssBytes']/mib:.1f} MiB/{s['after']['threads']} threads/{s['after']['openDescriptors']} fds, released {s['released']}")
    print(line)
PY
}

slowloris() {
  local n=${SLOWLORIS_CONNECTIONS:-1000} secs=${SLOWLORIS_SECONDS:-60}
  echo "slowloris: $n connections x 1 byte/s for ${secs}s; rr $rr_connections x 64 B for ${rr_seconds}s before, during, after"
  start_server slowloris
  tag=before; bench rr --connections "$rr_connections" --duration "${rr_seconds}s" --json "$out/rr-before.json"
  tag=load; bench slowloris --connections "$n" --duration "${secs}s" --server-pid "$pid" --json "$out/slowloris.json" & local loris=$!
  sleep 10 # the slow connections are open and dripping
  tag=during; bench rr --connections "$rr_connections" --duration "${rr_seconds}s" --json "$out/rr-during.json"
  wait "$loris" || true
  tag=after; bench rr --connections "$rr_connections" --duration "${rr_seconds}s" --json "$out/rr-after.json"
  show "$out/rr-before.json" "$out/slowloris.json" "$out/rr-during.json" "$out/rr-after.json"
  stop_server
}

flood() {
  local rate=${FLOOD_RATE:-5000} secs=${FLOOD_SECONDS:-10} workers=${FLOOD_WORKERS:-200}
  echo "flood: $rate connects/s for ${secs}s, each one 64 B echo then close, $workers in flight at most"
  start_server flood
  tag=load; bench flood --ramp "$rate" --connections "$workers" --duration "${secs}s" --server-pid "$pid" --json "$out/flood.json"
  show "$out/flood.json"
  stop_server
}

slowread() {
  local n=${SLOWREAD_CONNECTIONS:-1} bytes=${SLOWREAD_BYTES:-1GiB} secs=${SLOWREAD_SECONDS:-30}
  echo "slowread: $n client(s) each write up to $bytes in 64 KiB chunks for ${secs}s without reading, then drain and compare"
  start_server "slowread-$n"
  tag=load; bench slowread --connections "$n" --bytes "$bytes" --size 64k --duration "${secs}s" --server-pid "$pid" --json "$out/slowread-$n.json"
  show "$out/slowread-$n.json"
  stop_server
}

case $what in
  slowloris|flood|slowread) "$what" ;;
  all) slowloris; flood; slowread ;;
  *) echo "usage: bench/hostile.sh [slowloris|flood|slowread|all] [OUT-DIR]" >&2; exit 2 ;;
esac
echo "results in $out"
