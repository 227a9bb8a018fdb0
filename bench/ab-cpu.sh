#!/usr/bin/env bash
# Interleaved A/B of two actorecho builds (e.g. main against a branch): both servers start once on free loopback ports and
# are warmed (1 s rr at 100 connections); then each round runs `actorecho bench MODE` against A, then B, reading each
# server's CPU time from /proc/PID/stat around its run, so load from elsewhere on a shared machine falls on both alike.
#   bench/ab-cpu.sh MODE SIZE CONNECTIONS SECONDS ROUNDS DLL-A DLL-B
# e.g. (A = main exported with `git archive main | tar -x -C /tmp/base` and built there):
#   bench/ab-cpu.sh rr 64 1000 3 5 /tmp/base/src/ActorEcho/bin/Release/net10.0/actorecho.dll src/ActorEcho/bin/Release/net10.0/actorecho.dll
# The client is this tree's Release build of src/ActorEcho; Linux (/proc).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1; size=$2; conns=$3; secs=$4; rounds=$5; dlls=("$6" "$7"); names=(A B)
ulimit -n "$(ulimit -Hn)" || true
client=(dotnet src/ActorEcho/bin/Release/net10.0/actorecho.dll bench "$mode" --size "$size")
pids=(); ports=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait' EXIT
for i in 0 1; do
  ports[i]=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  dotnet "${dlls[i]}" serve --port "${ports[i]}" --max-connections 0 >/dev/null 2>&1 & pids[i]=$!
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/"${ports[i]}") 2>/dev/null && break; sleep 0.1; done
  "${client[@]}" --port "${ports[i]}" --connections 100 --duration 1s >/dev/null
done
for r in $(seq 1 "$rounds"); do
  for i in 0 1; do
    json=$(mktemp)
    t0=$(awk '{print $14+$15}' /proc/"${pids[i]}"/stat)
    "${client[@]}" --port "${ports[i]}" --connections "$conns" --duration "${secs}s" --warmup 0.5s --json "$json" >/dev/null
    t1=$(awk '{print $14+$15}' /proc/"${pids[i]}"/stat)
    python3 - "$mode" "$r" "${names[i]}" "$size" "$json" "$t0" "$t1" "$(getconf CLK_TCK)" <<'PY'
import json, sys
mode, r, name, size, path, t0, t1, hz = sys.argv[1:]
d = json.load(open(path)); ops = d["operations"] or 1
print(f"{mode} run {r} {name}  {d['operationsPerSecond']:9.0f} ops/s  {d['operationsPerSecond'] * int(size) / 1e6:8.1f} MB/s  "
      f"p50 {d['latencyUs']['p50']:9.1f} us  p99 {d['latencyUs']['p99']:9.1f} us  server CPU {(int(t1) - int(t0)) / int(hz) / ops * 1e6:6.2f} us/op  "
      f"errors {d['errors']}", flush=True)
PY
    rm -f "$json"
  done
done
