#!/usr/bin/env bash
# Restart drill (issue 16, point 6): what do clients see while the gateway starts and stops?
#
# Starts the gateway with the launcher (server-config/bin/tillpoint run) on its own port and data
# folder, hammers the API with GET and POST from a few client loops the whole time, stops it with
# SIGTERM, starts it again on the same data folder (a restart: Payara loads the deployed EAR by
# itself) and stops it again. Every answer is recorded with the phase it fell in, and the verdict
# is printed:
#   PASS when no request got a 404, a 500 (or any 5xx but 503), a 503 without Retry-After or
#   without a problem+json body, an HTML page, or a connection cut after it was accepted
#   (curl: empty reply, reset, timeout). A refused connection and a 503 + Retry-After are the
#   honest answers of a gateway that is not there yet (or any more).
#
# Environment:
#   DRILL_PORT (28080; admin port DRILL_PORT-32, database DRILL_PORT+352)
#   DRILL_DATA (a new temporary folder, removed at the end unless DRILL_KEEP=1)
#   CLIENTS (4)  STEADY_SECONDS (5: load on the running gateway before each stop)
#   ACQUIRER_LATENCY_MS (300: the sandbox acquirer's answer time, so payments are in flight at the stop)
# Needs a build (./mvnw -B -DskipTests package). Exit status 0 on PASS, 1 on FAIL.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${DRILL_PORT:-28080}
CLIENTS=${CLIENTS:-4}
STEADY=${STEADY_SECONDS:-5}
LATENCY=${ACQUIRER_LATENCY_MS:-300}
B="http://127.0.0.1:$PORT/api/v1"
SECRET="ps_drill_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

say() { printf '[drill] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

[[ $PORT =~ ^[0-9]+$ && $PORT -ge 1100 && $PORT -le 65000 ]] || die "DRILL_PORT must be a port number"
case "$PORT" in 8080|18080|9080) die "port $PORT belongs to another server here: choose another DRILL_PORT" ;; esac
[[ $CLIENTS =~ ^[0-9]+$ && $CLIENTS -ge 1 ]] || die "CLIENTS must be a positive integer"
command -v curl >/dev/null || die "curl is not installed"
[[ -f $ROOT/ear/target/tillpoint.ear ]] || die "build first: ./mvnw -B -DskipTests package"

WORK=$(mktemp -d /tmp/restart-drill.XXXXXX)
DATA=${DRILL_DATA:-$WORK/data}
LOG="$WORK/answers.log"     # one line per request: epoch_ms phase method http_code curl_exit retry_after content_type connection
LAUNCHER_LOG="$WORK/launcher.log"
: >"$LOG"
echo starting >"$WORK/phase"
LAUNCHER_PID=
CLIENT_PIDS=()

cleanup() {
  trap - EXIT INT TERM
  touch "$WORK/stop-clients"
  for pid in "${CLIENT_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n $LAUNCHER_PID ]] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
    wait "$LAUNCHER_PID" 2>/dev/null || true
  fi
  if [[ ${DRILL_KEEP:-0} != 1 ]]; then rm -rf "$WORK"; else say "kept $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# client N: GET a payment (one that exists) and POST a payment, over and over, each on a new
# connection, until told to stop. Without a token yet (before the first start is up) the
# application answers 401, which is an answer from the application; the point is what comes when
# it is not there. So any 404 is a false answer.
client() {
  local n=$1 i=0 token payment phase code rc retry ctype conn key
  local exp_year=$(( $(date +%Y) + 3 ))
  local headers="$WORK/h.$n" body="$WORK/b.$n"
  while [[ ! -e $WORK/stop-clients ]]; do
    i=$((i + 1))
    token=$(cat "$WORK/token" 2>/dev/null || true)
    payment=$(cat "$WORK/payment" 2>/dev/null || echo pay_none)
    phase=$(cat "$WORK/phase")
    key="drill-$n-$i-$$"
    for method in GET POST; do
      rc=0
      if [[ $method == GET ]]; then
        code=$(curl -s -o "$body" -D "$headers" -w '%{http_code}' --max-time 20 \
          -H "Authorization: Bearer ${token:-none}" "$B/payments/$payment") || rc=$?
      else
        code=$(curl -s -o "$body" -D "$headers" -w '%{http_code}' --max-time 20 \
          -H "Authorization: Bearer ${token:-none}" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
          -d '{"amount":1999,"currency":"USD","reference":"'"$key"'","payment_method":{"type":"card","card":{"number":"4242424242424242","exp_month":12,"exp_year":'"$exp_year"',"cvc":"123"}}}' \
          "$B/payments") || rc=$?
      fi
      retry=$(tr -d '\r' 2>/dev/null <"$headers" | awk -F': *' 'tolower($1)=="retry-after" {print $2}' | head -n 1 || true)
      ctype=$(tr -d '\r' 2>/dev/null <"$headers" | awk -F': *' 'tolower($1)=="content-type" {print $2}' | head -n 1 || true)
      conn=$(tr -d '\r' 2>/dev/null <"$headers" | awk -F': *' 'tolower($1)=="connection" {print tolower($2)}' | head -n 1 || true)
      # A 503 must be a problem: {"status":503, "code": ...}.
      if [[ $code == 503 ]] && ! grep -q '"status":503' "$body" 2>/dev/null; then ctype="${ctype:--}(no-problem-body)"; fi
      echo "$(date +%s%3N) $phase $method ${code:-000} $rc ${retry:--} ${ctype:--} ${conn:--}" >>"$LOG"
      rm -f "$headers" "$body"
    done
    [[ $rc == 7 ]] && sleep 0.05   # refused: nothing listens, do not spin
  done
}

# health: what /health/ready says, every 0.2 s (shown per phase; not part of the verdict).
health() {
  local code rc state phase
  while [[ ! -e $WORK/stop-clients ]]; do
    phase=$(cat "$WORK/phase")
    rc=0
    code=$(curl -s -o "$WORK/health.body" -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/health/ready") || rc=$?
    state=$(tr -d ' \n' 2>/dev/null <"$WORK/health.body" | grep -o '"state":"[a-z]*"' | head -n 1 | cut -d'"' -f4 || true)
    echo "$(date +%s%3N) $phase HEALTH ${code:-000} $rc - application=${state:-none} -" >>"$LOG"
    sleep 0.2
  done
}

field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# The gateway is up once its own readiness check answers (Payara answers /health before it).
wait_ready() {
  for _ in $(seq 1 400); do
    curl -s --max-time 5 "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q '"name" *: *"database"' && return 0
    kill -0 "$LAUNCHER_PID" 2>/dev/null || die "the launcher ended before the gateway was up (see $LAUNCHER_LOG)"
    sleep 0.5
  done
  die "the gateway did not become ready within 200 s"
}

start_gateway() {
  say "$1: starting the gateway on port $PORT (data $DATA)"
  echo "$1" >"$WORK/phase"
  TILLPOINT_HTTP_PORT=$PORT TILLPOINT_DATA_DIR=$DATA TILLPOINT_PLATFORM_SECRET=$SECRET \
    TILLPOINT_SANDBOX_LATENCY_MS=$LATENCY "$ROOT/server-config/bin/tillpoint" run >>"$LAUNCHER_LOG" 2>&1 &
  LAUNCHER_PID=$!
  local t0=$SECONDS ups
  ups=$(grep -c 'Tillpoint is up' "$LAUNCHER_LOG" || true)
  wait_ready
  # The launcher says "up" a little after the application is: wait for it too.
  for _ in $(seq 1 240); do
    [[ $(grep -c 'Tillpoint is up' "$LAUNCHER_LOG" || true) -gt $ups ]] && break
    kill -0 "$LAUNCHER_PID" 2>/dev/null || die "the launcher ended (see $LAUNCHER_LOG)"
    sleep 0.5
  done
  say "$1: ready after $((SECONDS - t0)) s"
}

stop_gateway() {
  say "$1: SIGTERM to the launcher"
  echo "$1" >"$WORK/phase"
  local t0=$SECONDS
  kill -TERM "$LAUNCHER_PID"
  wait "$LAUNCHER_PID" || true
  LAUNCHER_PID=
  say "$1: stopped after $((SECONDS - t0)) s"
}

make_token() {
  local pt merchant
  pt=$(curl -s -d grant_type=client_credentials -d client_id=platform -d client_secret="$SECRET" "$B/oauth/token" | field access_token)
  [[ -n $pt ]] || die "no platform token"
  merchant=$(curl -s -H "Authorization: Bearer $pt" -H 'Content-Type: application/json' \
    -d '{"name":"Drill","country":"US","default_currency":"USD","pricing":{"percent_bps":290,"fixed":30}}' "$B/admin/merchants")
  curl -s -d grant_type=client_credentials -d client_id="$(echo "$merchant" | field client_id)" \
    -d client_secret="$(echo "$merchant" | field client_secret)" "$B/oauth/token" | field access_token >"$WORK/token.new"
  [[ -s $WORK/token.new ]] || die "no merchant token"
  # The payment the clients GET, made before they have the token.
  curl -s -H "Authorization: Bearer $(cat "$WORK/token.new")" -H 'Content-Type: application/json' -H "Idempotency-Key: drill-first-$$" \
    -d '{"amount":500,"currency":"USD","reference":"drill-first","payment_method":{"type":"card","card":{"number":"4242424242424242","exp_month":12,"exp_year":'"$(( $(date +%Y) + 3 ))"',"cvc":"123"}}}' \
    "$B/payments" | grep -o '"id":"pay_[^"]*"' | head -n 1 | cut -d'"' -f4 >"$WORK/payment.new"
  [[ -s $WORK/payment.new ]] || die "no first payment"
  mv "$WORK/payment.new" "$WORK/payment"
  mv "$WORK/token.new" "$WORK/token"
}

say "$CLIENTS client loops, GET and POST /api/v1/payments; acquirer latency $LATENCY ms"
for n in $(seq 1 "$CLIENTS"); do client "$n" & CLIENT_PIDS+=($!); done
health & CLIENT_PIDS+=($!)

start_gateway first-start
make_token
echo running >"$WORK/phase"; sleep "$STEADY"
stop_gateway stop
echo down >"$WORK/phase"; sleep 2
start_gateway restart
echo running >"$WORK/phase"; sleep "$STEADY"
stop_gateway final-stop
echo down >"$WORK/phase"; sleep 2
touch "$WORK/stop-clients"
for pid in "${CLIENT_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
CLIENT_PIDS=()

# ------------------------------------------------------------------------------------ verdict
# What each answer is: refused (nothing listens), cut (accepted, then no answer: empty reply,
# reset, timeout), or the HTTP status; a 503 also says whether it carried Retry-After (and
# "+close": Connection: close, which the application adds once it stops).
awk '
  function kind(code, rc, retry, ctype, conn) {
    if (rc == 7) return "refused"
    if (rc != 0 || code == "000") return "cut(curl " rc ")"
    if (code == 503) return retry == "-" ? "503-without-Retry-After" : (ctype ~ /^application\/problem\+json/ ? "503+Retry-After" (conn == "close" ? "+close" : "") : "503-not-problem:" ctype)
    if (ctype ~ /html/) return code "-html"
    return code
  }
  $3 == "HEALTH" { h[$2 " " ($5 == 7 ? "refused" : $4 " " $7)]++; next }
  { k = kind($4, $5, $6, $7, $8); count[$2 " " $3 " " k]++; total[k]++; n++
    if (k ~ /^(404|cut|503-without|503-not|.*-html)/ || (k ~ /^5/ && k !~ /^503\+/)) bad[k]++ }
  END {
    printf "%-12s %-5s %-28s %s\n", "phase", "verb", "answer", "count"
    PROCINFO["sorted_in"] = "@ind_str_asc"
    for (key in count) { split(key, p, " "); printf "%-12s %-5s %-28s %d\n", p[1], p[2], p[3], count[key] }
    print "\n/health/ready (not in the verdict):"
    for (key in h) printf "  %-40s %d\n", key, h[key]
    printf "\ntotal %d requests:", n; for (k in total) printf " %s=%d", k, total[k]; printf "\n"
    nb = 0; for (k in bad) nb += bad[k]
    if (nb == 0) { print "VERDICT: PASS (no 404, no 500, no cut connection; every 503 has Retry-After and a problem+json body)"; exit 0 }
    printf "VERDICT: FAIL (%d false answers:", nb; for (k in bad) printf " %s=%d", k, bad[k]; print ")"; exit 1
  }' "$LOG" && verdict=0 || verdict=1
cp "$LOG" "$ROOT/testbed/target/restart-answers.log" 2>/dev/null || true
exit "$verdict"
