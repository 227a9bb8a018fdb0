#!/usr/bin/env bash
# Issue #4 measurement until issue #6's compare script exists: the seed thread-per-connection server vs actorecho,
# same machine, same load client, one after the other on free loopback ports.
#   bench/quick-compare.sh [CONNECTIONS=1000] [SECONDS=10] [IDLE=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-1000}; secs=${2:-10}; idle=${3:-10000}
ulimit -n "$(ulimit -Hn)" || true
# shared/ is read-only on some machines: build the baseline into a scratch directory, flags as in its Makefile.
out=$(mktemp -d)
${CC:-gcc} -O2 -Wall -pthread -o "$out/seed-pthread" ../shared/baselines/seed-pthread/server.c 2>/dev/null
dotnet build -c Release -nologo -v q src/ActorEcho >/dev/null
# The load client is `actorecho bench` (docs/load-client.md); stdout is a pipe, so it prints plain progress lines.
bench="dotnet src/ActorEcho/bin/Release/net10.0/actorecho.dll bench"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; return 1; }

run() { # name pid port
  echo "== $1"
  $bench rr --port "$3" --connections 1 --size 64 --duration "${secs}s" | grep -v '^progress' | sed "s/^/$1 /"
  $bench rr --port "$3" --connections "$conns" --size 64 --duration "${secs}s" | grep -v '^progress' | sed "s/^/$1 /"
  $bench idle --port "$3" --connections "$idle" --duration 2s --server-pid "$2" | grep -v '^progress' | sed "s/^/$1 /"
}

port=$(free_port)
"$out/seed-pthread" "$port" >/dev/null 2>&1 & pid=$!
wait_port "$port"; run seed-pthread "$pid" "$port"; kill "$pid"; wait "$pid" 2>/dev/null || true

port=$(free_port)
dotnet src/ActorEcho/bin/Release/net10.0/actorecho.dll serve --port "$port" --max-connections 0 ${ACTORECHO_ARGS:-} >/dev/null 2>/dev/null & pid=$!
wait_port "$port"; run actorecho "$pid" "$port"; kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
