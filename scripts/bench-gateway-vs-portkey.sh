#!/usr/bin/env bash
# The gateway benchmark with Portkey side by side: the bench's instant upstream called directly,
# through MassRouter and through Portkey's open-source gateway (npm @portkey-ai/gateway), by the same
# client (the bench's JDK HttpClient), in one run (docs/benchmarks.md, "Gateway").
#
# Portkey is installed once into a folder outside the repository (npm, node 18+), started on
# PORTKEY_PORT, told the upstream per request (x-portkey-provider: openai, x-portkey-custom-host),
# and stopped at the end. The bench needs the local PostgreSQL (as every benchmark).
#
#   scripts/bench-gateway-vs-portkey.sh [seconds per scenario, default 10] [thread counts, default 1,8]
set -euo pipefail

SECONDS_PER=${1:-10}
THREADS=${2:-1,8}
PORTKEY_VERSION=${PORTKEY_VERSION:-1.15.2}
PORTKEY_DIR=${PORTKEY_DIR:-${TMPDIR:-/tmp}/massrouter-bench-portkey-$PORTKEY_VERSION}
PORTKEY_PORT=${PORTKEY_PORT:-18787}
SERVER=$PORTKEY_DIR/node_modules/@portkey-ai/gateway/build/start-server.js

cd "$(dirname "$0")/.."
if [ ! -f "$SERVER" ]; then
  mkdir -p "$PORTKEY_DIR"
  npm install --prefix "$PORTKEY_DIR" --no-audit --no-fund "@portkey-ai/gateway@$PORTKEY_VERSION" >&2
fi
node "$SERVER" --port="$PORTKEY_PORT" --headless > "$PORTKEY_DIR/portkey.log" 2>&1 &
PORTKEY_PID=$!
trap 'kill "$PORTKEY_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null "http://127.0.0.1:$PORTKEY_PORT/" && break
  kill -0 "$PORTKEY_PID" 2>/dev/null || { cat "$PORTKEY_DIR/portkey.log" >&2; exit 1; }
  sleep 0.5
done
echo "Portkey $PORTKEY_VERSION (node $(node --version)) on port $PORTKEY_PORT"

PORTKEY_URL="http://127.0.0.1:$PORTKEY_PORT" ./mvnw -B -q -pl bench -am -DskipTests package exec:java@gateway \
  -Dexec.args="$SECONDS_PER $THREADS"
