#!/usr/bin/env bash
# Server CPU per round trip, next to throughput and latency: the figure that counts on 2 cores shared with the client.
# Starts SERVER (PORT is replaced by a free loopback port), warms it (1 s at 100 connections), then runs
# `actorecho bench rr` (64 B) and reads the server's CPU time from /proc/PID/stat around the measured run.
#   bench/rr-cpu.sh NAME CONNECTIONS SECONDS -- SERVER-COMMAND...
# e.g.
#   bench/rr-cpu.sh actorecho 1000 3 -- dotnet src/ActorEcho/bin/Release/net10.0/actorecho.dll serve --port PORT --max-connections 0
#   bench/rr-cpu.sh plain 1000 3 -- dotnet bench/ActorEcho.PlainEcho/bin/Release/net10.0/PlainEcho.dll PORT
# Needs Release builds of src/ActorEcho (the client) and of whatever SERVER runs; Linux (/proc).
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; conns=$2; secs=$3; shift 4
ulimit -n "$(ulimit -Hn)" || true
client=(dotnet src/ActorEcho/bin/Release/net10.0/actorecho.dll bench rr --size 64)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cmd=("${@//PORT/$port}")
"${cmd[@]}" >/dev/null 2>&1 & pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
"${client[@]}" --port "$port" --connections 100 --duration 1s >/dev/null
json=$(mktemp)
t0=$(awk '{print $14+$15}' /proc/$pid/stat)
"${client[@]}" --port "$port" --connections "$conns" --duration "${secs}s" --warmup 0.5s --json "$json" >/dev/null
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
python3 - "$name" "$json" "$t0" "$t1" "$(getconf CLK_TCK)" <<'PY'
import json, sys
name, path, t0, t1, hz = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
d = json.load(open(path)); ops = d["operations"] or 1
print(f"{name:24s} {d['operationsPerSecond']:9.0f} round trips/s  p50 {d['latencyUs']['p50']:9.1f} us  p99 {d['latencyUs']['p99']:9.1f} us  "
      f"server CPU {(t1 - t0) / hz / ops * 1e6:6.2f} us/op  client CPU {d['clientCpuSeconds'] / ops * 1e6:6.2f} us/op  errors {d['errors']}")
PY
rm -f "$json"
