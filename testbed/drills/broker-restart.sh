#!/usr/bin/env bash
# Broker restart drill (issue 18): an external JMS broker killed in the middle of a burst of
# payments loses no event, and the payments do not notice.
#
# Starts OpenMQ's own broker (imqbrokerd from the Payara Server the build unpacked, its store in a
# temporary folder), the gateway with the launcher on its own port and data folder with
# TILLPOINT_BROKER_URL naming that broker, and CLIENTS client loops that make PAYMENTS payments
# each (automatic capture, one event each). Once a third of them are answered, the broker gets
# SIGKILL; OUTAGE_SECONDS later it starts again on the same store. Then the verdict:
#   PASS when every payment was answered 201, the outbox is empty, and each queue's events (those
#   waiting on it, plus those its consumer took: consumed_event) number the payments (after
#   dedup: duplicates are allowed, at least once, and counted).
#
# Environment:
#   DRILL_PORT (29080; admin DRILL_PORT-32, database DRILL_PORT+352), BROKER_PORT (29676)
#   CLIENTS (4)  PAYMENTS (100 per client)  OUTAGE_SECONDS (10)
#   DRILL_KEEP=1 keeps the temporary folder (logs, the broker's store)
# Needs a build (./mvnw -B -DskipTests package), curl and psql. Exit status 0 on PASS, 1 on FAIL.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${DRILL_PORT:-29080}
BROKER_PORT=${BROKER_PORT:-29676}
CLIENTS=${CLIENTS:-4}
PAYMENTS=${PAYMENTS:-100}
OUTAGE=${OUTAGE_SECONDS:-10}
B="http://127.0.0.1:$PORT/api/v1"
SECRET="ps_drill_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
MQ="$ROOT/server-config/target/payara6/mq"
export IMQ_JAVAHOME=${IMQ_JAVAHOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}

say() { printf '[drill] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

for p in "$PORT" "$BROKER_PORT"; do
  [[ $p =~ ^[0-9]+$ && $p -ge 1100 && $p -lt 32768 ]] || die "ports must be numbers from 1100 to 32767 (below the ephemeral range)"
done
case "$PORT" in 8080|18080|9080) die "port $PORT belongs to another server here: choose another DRILL_PORT" ;; esac
[[ -x $MQ/bin/imqbrokerd ]] || die "OpenMQ not found in $MQ: build first (./mvnw -B -DskipTests package)"
[[ -f $ROOT/ear/target/tillpoint.ear ]] || die "build first: ./mvnw -B -DskipTests package"
command -v curl >/dev/null || die "curl is not installed"
command -v psql >/dev/null || die "psql is not installed (Debian/Ubuntu: postgresql-client): the verdict reads the outbox"

WORK=$(mktemp -d /tmp/broker-drill.XXXXXX)
DATA=$WORK/data
LAUNCHER_PID=
BROKER_PID=
CLIENT_PIDS=()

cleanup() {
  trap - EXIT INT TERM
  for pid in "${CLIENT_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n $LAUNCHER_PID ]] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
    wait "$LAUNCHER_PID" 2>/dev/null || true
  fi
  stop_broker KILL
  if [[ ${DRILL_KEEP:-0} != 1 ]]; then rm -rf "$WORK"; else say "kept $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT

# The broker's JVM (imqbrokerd is a script that starts it as its child), found by its name.
broker_jvm() { pgrep -f -- "-name tpdrill$$ " | while read -r pid; do [[ $(readlink "/proc/$pid/exe") == */java ]] && echo "$pid"; done | head -n 1; }

start_broker() {
  setsid "$MQ/bin/imqbrokerd" -varhome "$WORK/mq" -name "tpdrill$$" -port "$BROKER_PORT" -silent \
    >>"$WORK/broker.log" 2>&1 &
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null && { BROKER_PID=$(broker_jvm); return 0; }
    sleep 0.5
  done
  die "the broker did not start (see $WORK/broker.log)"
}

stop_broker() {
  local pid
  pid=$(broker_jvm)
  [[ -n $pid ]] && kill -"$1" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do [[ -z $(broker_jvm) ]] && break; sleep 0.2; done
  pkill -f -- "imqbrokerd .*-name tpdrill$$ " 2>/dev/null || true
  BROKER_PID=
}

field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
psql_count() {
  PGPASSWORD=$(cat "$DATA/secrets/postgres-password") psql -h 127.0.0.1 \
    -p $((PORT + 352)) -U tillpoint -tA tillpoint -c "$1"
}
waiting_on() {
  printf 'imq.imqcmd.password=admin\n' >"$WORK/imqcmd.pass"
  "$MQ/bin/imqcmd" query dst -t q -n "$1" -b "127.0.0.1:$BROKER_PORT" -u admin -passfile "$WORK/imqcmd.pass" 2>/dev/null \
    | awk '/^Current Number of Messages/ { found = 1; next } found && $1 == "Actual" { print $2; exit }'
}

say "broker on 127.0.0.1:$BROKER_PORT, store in $WORK/mq"
start_broker
say "gateway on port $PORT with TILLPOINT_BROKER_URL=mq://127.0.0.1:$BROKER_PORT"
TILLPOINT_HTTP_PORT=$PORT TILLPOINT_DATA_DIR=$DATA TILLPOINT_PLATFORM_SECRET=$SECRET \
  TILLPOINT_BROKER_URL="mq://127.0.0.1:$BROKER_PORT" "$ROOT/server-config/bin/tillpoint" run >"$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
for _ in $(seq 1 400); do
  grep -q 'Tillpoint is up' "$WORK/launcher.log" && break
  kill -0 "$LAUNCHER_PID" 2>/dev/null || { cat "$WORK/launcher.log" >&2; die "the launcher ended"; }
  sleep 0.5
done
grep -q 'Tillpoint is up' "$WORK/launcher.log" || die "the gateway did not start within 200 s"

PT=$(curl -s -d grant_type=client_credentials -d client_id=platform -d client_secret="$SECRET" "$B/oauth/token" | field access_token)
MERCHANT=$(curl -s -H "Authorization: Bearer $PT" -H 'Content-Type: application/json' \
  -d '{"name":"Broker drill","country":"US","default_currency":"USD","pricing":{"percent_bps":290,"fixed":30}}' "$B/admin/merchants")
MERCHANT_ID=$(echo "$MERCHANT" | field id)
TOKEN=$(curl -s -d grant_type=client_credentials -d client_id="$(echo "$MERCHANT" | field client_id)" \
  -d client_secret="$(echo "$MERCHANT" | field client_secret)" "$B/oauth/token" | field access_token)
[[ -n $TOKEN ]] || die "no merchant token"
EXP_YEAR=$(( $(date +%Y) + 3 ))

# A client: PAYMENTS payments, each retried with its key until it is answered 201.
client() {
  local n=$1 i code
  for i in $(seq 1 "$PAYMENTS"); do
    while true; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: drill-$n-$i" \
        -d '{"amount":'$((1000 + i))',"currency":"USD","payment_method":{"type":"card","card":{"number":"4242424242424242","exp_month":12,"exp_year":'$EXP_YEAR',"cvc":"123"}}}' \
        "$B/payments" || true)
      echo "$code" >>"$WORK/answers.$n"
      [[ $code == 201 ]] && break
      sleep 0.2
    done
  done
}

TOTAL=$((CLIENTS * PAYMENTS))
say "$CLIENTS clients, $TOTAL payments"
for n in $(seq 1 "$CLIENTS"); do client "$n" & CLIENT_PIDS+=($!); done
answered() { cat "$WORK"/answers.* 2>/dev/null | grep -c '^201$' || true; }
until [[ $(answered) -ge $((TOTAL / 3)) ]]; do sleep 0.2; done
say "SIGKILL to the broker after $(answered) payments; outbox: $(psql_count 'select count(*) from domain_event_outbox')"
stop_broker KILL
sleep "$OUTAGE"
say "after ${OUTAGE} s without a broker: $(answered) payments answered; outbox: $(psql_count 'select count(*) from domain_event_outbox')"
start_broker
say "broker started again"
for pid in "${CLIENT_PIDS[@]}"; do wait "$pid"; done
CLIENT_PIDS=()
for _ in $(seq 1 120); do [[ $(psql_count 'select count(*) from domain_event_outbox') == 0 ]] && break; sleep 0.5; done

# ------------------------------------------------------------------------------------ verdict
fail=0
answers=$(cat "$WORK"/answers.* | sort | uniq -c | awk '{printf "%s%s x %s", sep, $1, $2; sep=", "}')
say "answers: $answers"
[[ $(answered) == "$TOTAL" ]] || { say "FAIL: $(answered) of $TOTAL payments answered 201"; fail=1; }
events=$(psql_count "select count(*) from payment where merchant_id = '$MERCHANT_ID' and status = 'CAPTURED'")
outbox=$(psql_count 'select count(*) from domain_event_outbox')
say "captured payments: $events; left in the outbox: $outbox"
[[ $events == "$TOTAL" ]] || { say "FAIL: $events of $TOTAL payments captured"; fail=1; }
[[ $outbox == 0 ]] || { say "FAIL: $outbox events never relayed"; fail=1; }
for queue in tillpoint_risk:risk tillpoint_webhooks:webhooks; do
  name=${queue%%:*}; consumer=${queue##*:}
  waiting=$(waiting_on "$name"); waiting=${waiting:-0}
  consumed=$(psql_count "select count(*) from consumed_event where consumer = '$consumer'")
  say "$name: $waiting messages waiting, $consumed events consumed by $consumer"
  # Waiting messages may hold duplicates (at least once); consumed ones are distinct by key.
  if (( waiting + consumed < TOTAL )); then
    say "FAIL: $name lost $((TOTAL - waiting - consumed)) events"; fail=1
  elif (( waiting + consumed > TOTAL )); then
    say "$name: $((waiting + consumed - TOTAL)) duplicates waiting (at least once; consumers drop them by event id)"
  fi
done
if [[ $fail == 0 ]]; then say "PASS"; else say "FAIL (logs: DRILL_KEEP=1)"; fi
exit "$fail"
