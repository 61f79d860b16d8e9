#!/usr/bin/env bash
# POST /api/v1/billing/usage over real HTTP with wrk, against the embedded default (no database to set up):
# start-up to healthy, resident memory idle and under load, requests/s and latency over one account and over
# 16 accounts (one API key each, each request a new request id). See docs/benchmarks.md.
#   ./mvnw -B -q -DskipTests package -pl app -am && scripts/bench-usage-http.sh [seconds] [connections]
# Needs wrk, curl and jq. MASSROUTER_DB_URL (and _USER, _PASSWORD) point it at another PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
CONNECTIONS=${2:-32}
PORT=${PORT:-18481}
WORK=$(mktemp -d /tmp/mr-usage-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT
B=$BASE/api/v1
export SERVER_PORT=$PORT MASSROUTER_DATA_DIR=$WORK/data MASSROUTER_ADMIN_EMAIL=bench@massrouter.test \
  MASSROUTER_ADMIN_PASSWORD=bench-password-1 MASSROUTER_RATE_LIMIT_AUTHENTICATED_PER_HOUR=1000000000

load() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mb() { echo $(( $(awk '/VmRSS/{print $2}' "/proc/$1/status") / 1024 )); }
json() { curl -sf "$@" -H 'Content-Type: application/json'; }

started=$(date +%s%N)
java ${JAVA_OPTS:-} -jar app/target/massrouter-exec.jar > "$WORK/app.log" 2>&1 &
APP=$!
stop() { kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"; }
trap stop EXIT
until curl -sf "$BASE/actuator/health" | grep -q '"UP"'; do
  kill -0 $APP 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 0.1
done
echo "start-up to healthy: $(( ($(date +%s%N) - started) / 1000000 )) ms (load average $(load))"

# the administrator is created once the application has started: wait for it
for _ in $(seq 1 600); do
  ADMIN=$(json $B/auth/login -d '{"email":"bench@massrouter.test","password":"bench-password-1"}' \
    | jq -r .data.tokens.access_token) && break
  sleep 0.5
done
for i in $(seq 1 16); do
  ME=$(json $B/auth/register -d "{\"email\":\"bench$i@example.com\",\"username\":\"bench$i\",\
\"password\":\"password-123\",\"confirm_password\":\"password-123\"}")
  json -X POST "$B/admin/accounts/$(jq -r .data.user.id <<<"$ME")/adjustments" -H "Authorization: Bearer $ADMIN" \
    -d '{"amount":1000000,"reason":"benchmark funding"}' > /dev/null
  json -X POST $B/users/me/api-keys -H "Authorization: Bearer $(jq -r .data.tokens.access_token <<<"$ME")" \
    -d '{"name":"bench","permissions":["read","write"]}' | jq -r .data.key >> "$WORK/keys"
done
sleep 2
echo "resident memory idle (application JVM): $(rss_mb $APP) MB (load average $(load))"

cat > "$WORK/usage.lua" <<'LUA'
local keys, counter, tag = {}, 0, ""
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  for line in io.lines(args[1]) do
    if #keys < tonumber(args[2]) then table.insert(keys, line) end
  end
  tag = args[3]
end
function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/billing/usage",
    {["Authorization"] = "Bearer " .. keys[(counter % #keys) + 1], ["Content-Type"] = "application/json"},
    string.format('{"request_id":"%s-%d-%d","model":"mock/echo","prompt_tokens":10,"completion_tokens":5}',
      tag, tid, counter))
end
LUA

run() { # name, keys, seconds
  (sleep $(( $3 / 2 )); echo "resident memory under load (application JVM): $(rss_mb $APP) MB" > "$WORK/rss") &
  local sampler=$!
  echo "== $1: $CONNECTIONS connections, $3 s (load average before: $(load))"
  wrk -t2 -c"$CONNECTIONS" -d"$3"s --timeout 10s --latency -s "$WORK/usage.lua" "$BASE" -- "$WORK/keys" "$2" "keys$2-$RANDOM" \
    | grep -E 'Latency |50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors'
  wait $sampler
  cat "$WORK/rss"
  echo "load average after: $(load)"
}
# warm up until the JIT compiler settles (compiled less than 1 s in the last 10 s, summed over its
# threads), at most MASSROUTER_BENCH_WARMUP_SECONDS (300): on two cores C2 compiles for minutes
jit_ms() { jcmd $APP PerfCounter.print 2>/dev/null | awk -F= '/\.ci\.totalTime=/{t=$2} /sun.os.hrt.frequency=/{f=$2} END{printf "%d", t*1000/f}'; }
WARMUP=${MASSROUTER_BENCH_WARMUP_SECONDS:-300}
for (( warmed = 0; warmed < WARMUP; warmed += 10 )); do
  before=$(jit_ms)
  run warm-up 16 10 > /dev/null
  compiling=$(( $(jit_ms) - before ))
  echo "JIT warm-up: $(( warmed + 10 )) s, the compiler busy $compiling ms in the last 10 s"
  (( compiling < 1000 )) && break
done
run "16 accounts" 16 "$DURATION"
run "one account" 1 "$DURATION"
curl -sf "$B/admin/audit/ledger-check" -H "Authorization: Bearer $ADMIN" \
  | jq -c '.data | {balanced, reconciled, accounts_checked, events_read}'
