#!/usr/bin/env bash
# PostgreSQL restarted under a charge load: requests fail cleanly (the envelope, no stack trace),
# nothing is half-applied, and the app recovers without a restart of its own.
#
# It restarts a PostgreSQL cluster, so by default it makes one of its own: cluster "faults" of
# PostgreSQL 15 on port 5440 (pg_createcluster, as root), never the shared server on 5432.
# Build the jar first: ./mvnw -B -q -DskipTests package -pl app -am
#
#   scripts/pg-restart-under-load.sh [seconds of load before the restart, default 5]
set -euo pipefail

BEFORE=${1:-5}
AFTER=10
PG_VERSION=${PG_VERSION:-15}
PG_CLUSTER=${PG_CLUSTER:-faults}
PG_PORT=${PG_PORT:-5440}
APP_PORT=${APP_PORT:-18480}
WORKERS=${WORKERS:-6}
JAR=${JAR:-app/target/massrouter-exec.jar}
WORK=$(mktemp -d /tmp/mr-pg-restart.XXXXXX)
B=http://127.0.0.1:$APP_PORT/api/v1
ADMIN_EMAIL=admin@faults.test
ADMIN_PASSWORD=admin-password-1

[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw -B -q -DskipTests package -pl app -am" >&2; exit 2; }
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION $PG_CLUSTER"; then
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" -- --auth-host=trust --auth-local=trust >/dev/null
fi
pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 2>/dev/null || true
psql() { command psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
DB=mr_pgrestart_$$
psql -d postgres -c "CREATE DATABASE $DB"

MASSROUTER_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB MASSROUTER_DB_USER=postgres \
MASSROUTER_JWT_SECRET=pg-restart-secret SERVER_PORT=$APP_PORT MASSROUTER_DATA_DIR=$WORK/data \
MASSROUTER_ADMIN_EMAIL=$ADMIN_EMAIL MASSROUTER_ADMIN_PASSWORD=$ADMIN_PASSWORD \
MASSROUTER_RATE_LIMIT_ENABLED=false MASSROUTER_DB_POOL_SIZE=16 \
  java -Xmx512m -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
cleanup() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  psql -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null && break
  kill -0 "$APP_PID" || { echo "app died, see $WORK/app.log" >&2; exit 1; }
  sleep 1
done

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
REG=$(curl -s -X POST "$B/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"load@faults.test","username":"load","password":"password-123","confirm_password":"password-123"}')
TOKEN=$(echo "$REG" | json 'd["data"]["tokens"]["access_token"]')
USER_ID=$(echo "$REG" | json 'd["data"]["user"]["id"]')
ADMIN=$(curl -s -X POST "$B/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | json 'd["data"]["tokens"]["access_token"]')
curl -sf -X POST "$B/admin/accounts/$USER_ID/adjustments" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"amount":100000,"reason":"load"}' >/dev/null

# each worker: charges with fresh request ids; one line per request: id, HTTP status, body
worker() {
  local n=0
  while [ ! -f "$WORK/stop" ]; do
    n=$((n + 1))
    local id="w$1-$n"
    local out
    out=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$B/billing/usage" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' \
      -d "{\"request_id\":\"$id\",\"model\":\"mock/echo\",\"prompt_tokens\":100000,\"completion_tokens\":0}" || true)
    printf '%s\t%s\t%s\n' "$id" "$(echo "$out" | tail -1)" "$(echo "$out" | head -1 | tr -d '\t')" >>"$WORK/w$1.tsv"
  done
}
for w in $(seq "$WORKERS"); do worker "$w" & done
sleep "$BEFORE"
echo "restarting PostgreSQL cluster $PG_CLUSTER (port $PG_PORT) under load"
T0=$(date +%s.%N)
pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart -m fast
echo "PostgreSQL back after $(python3 -c "print(round($(date +%s.%N) - $T0, 2))") s"
sleep "$AFTER"
touch "$WORK/stop"
wait $(jobs -p | grep -v "^$APP_PID$") 2>/dev/null || true
cat "$WORK"/w*.tsv >"$WORK/all.tsv"

echo "--- answers during the run (status: count)"
cut -f2 "$WORK/all.tsv" | sort | uniq -c
echo "--- error answers by code"
awk -F'\t' '$2 != "200"' "$WORK/all.tsv" | cut -f3 | python3 -c '
import sys, json, collections
codes = collections.Counter()
for line in sys.stdin:
    try:
        body = json.loads(line)
        codes[body["error"]["code"] if body.get("success") is False else "NOT AN ERROR ENVELOPE"] += 1
    except Exception:
        codes["no JSON (" + line.strip()[:40] + ")"] += 1
for code, n in codes.items(): print(f"{n:7d} {code}")'
grep -c -E "^\s+at |Exception" "$WORK/all.tsv" | sed 's/^/stack traces or exception names in answers: /' || true

# every request that was not acknowledged is retried with its id: it is applied once, or was already
RETRIED_OK=0; RETRIED_FAIL=0
while IFS=$'\t' read -r id status _; do
  [ "$status" = "200" ] && continue
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/billing/usage" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"request_id\":\"$id\",\"model\":\"mock/echo\",\"prompt_tokens\":100000,\"completion_tokens\":0}")
  if [ "$code" = 200 ]; then RETRIED_OK=$((RETRIED_OK + 1)); else RETRIED_FAIL=$((RETRIED_FAIL + 1)); fi
done <"$WORK/all.tsv"
SENT=$(wc -l <"$WORK/all.tsv")
ACKED=$(awk -F'\t' '$2 == "200"' "$WORK/all.tsv" | wc -l)
EVENTS=$(psql -d "$DB" -c "SELECT count(*) FROM domainevententry WHERE payloadtype = 'ai.massrouter.api.account.UsageChargedEvent'")
DOUBLED=$(psql -d "$DB" -c "SELECT count(*) FROM (SELECT convert_from(payload,'UTF8')::jsonb->'operationId'->>'id' AS id
  FROM domainevententry WHERE payloadtype = 'ai.massrouter.api.account.UsageChargedEvent' GROUP BY 1 HAVING count(*) > 1) d")
sleep 3
TOTAL=$(curl -s "$B/billing/balance" -H "Authorization: Bearer $TOKEN" | json 'd["data"]["total"]')
EXPECTED=$(python3 -c "print(f'{100000 - 0.1 * $EVENTS:.2f}')")
CHECK=$(curl -s "$B/admin/audit/ledger-check" -H "Authorization: Bearer $ADMIN" | json 'd["data"]["balanced"]')
ALIVE=$(kill -0 "$APP_PID" 2>/dev/null && echo yes || echo no)
echo "--- result"
echo "requests sent: $SENT, acknowledged: $ACKED, not acknowledged then retried: ok $RETRIED_OK, failed $RETRIED_FAIL"
echo "charge events in the log: $EVENTS (expected $((ACKED + RETRIED_OK))), request ids charged twice: $DOUBLED"
echo "balance total: $TOTAL (expected $EXPECTED from the events), ledger check balanced: $CHECK"
echo "app process $APP_PID still the same and alive (no restart): $ALIVE"
echo "logs: $WORK"
[ "$EVENTS" = "$((ACKED + RETRIED_OK))" ] && [ "$DOUBLED" = 0 ] && [ "$RETRIED_FAIL" = 0 ] && [ "$CHECK" = True ] \
  && [ "$ALIVE" = yes ] && python3 -c "import sys; sys.exit(0 if abs(float('$TOTAL') - float('$EXPECTED')) < 1e-9 else 1)" \
  && echo "PASS" || { echo "FAIL"; exit 1; }
