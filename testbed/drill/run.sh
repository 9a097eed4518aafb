#!/usr/bin/env bash
# The kill -9 drill (issue 16, point 7), in one command; it stops by itself:
#   1. builds if needed, starts the gateway (server-config/bin/tillpoint run) on its embedded
#      PostgreSQL in a fresh temp data folder, on port $DRILL_PORT;
#   2. runs DrillClients (testbed): $CLIENTS merchant clients that start card payments for
#      $SECONDS s and retry, as good clients do, with the same Idempotency-Key and body on a
#      connection error, a 5xx, a 429 or a 409 idempotency_in_progress;
#   3. at a random moment in the middle of those seconds kills the server's JVM with kill -9 (the
#      launcher then stops its PostgreSQL and exits), and starts the launcher again on the same
#      data folder;
#   4. lets the clients bring every unfinished key to a final answer (at most $SETTLE_SECONDS s
#      after the load), then waits until no payment is processing (at most $RECOVERY_WAIT s);
#   5. prints the verdict, one PASS or FAIL line per check and `DRILL verdict pass|fail`:
#      every key got a final answer; every request that got a 2xx is stored exactly once, as
#      answered; no payment is left processing; no key created two payments; the sandbox never
#      approved an attempt that has no payment (a check that cannot run, because the build has no
#      table for it, is a FAIL that says so); the ledger check is balanced.
#   Exit status 0 on a pass, 1 on a fail (or an error of the drill itself).
#
# Environment:
#   CLIENTS (16)  SECONDS (20)  SETTLE_SECONDS (150)  RECOVERY_WAIT (120)
#   DRILL_PORT (31080; the gateway derives its other ports from it: admin -32, PostgreSQL +352, ...).
#     They must lie below the kernel's ephemeral port range (32768 up, usually): while the server
#     is down, the clients keep connecting to its port, and a connection to a loopback port of
#     that range with nothing listening can meet itself (TCP self-connect) and hold the port, so
#     that the restarted server cannot bind it ("Address already in use"; it happened on 38080).
#   CARDS (4242424242424242:85,4000000000000002:15): test cards NUMBER[:WEIGHT],... e.g. with the
#     recovery cards: 4242424242424242:70,4000000000000002:10,4000000000001018:10,4000000000001026:10
#   KILL_AFTER (unset: a random moment between 30 % and 70 % of SECONDS): seconds after the
#     clients start at which the server is killed
#   ACQUIRER_LATENCY_MS (100): how long the sandbox acquirer takes per answer, so that the kill
#     finds payments between their two transactions
#   RECOVERY_DELAY_MS (3000): TILLPOINT_RECOVERY_DELAY_MS of the gateway
#   DRILL_SKIP_BUILD=1 (use what is built)  DRILL_KEEP_DATA=1 (keep the temp data folder)
# Logs of the last run (launcher output of both starts, server.log, the clients' output and
# keys.tsv, the verdict) are copied to testbed/target/drill-logs/. Only loopback is used.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CLIENTS=${CLIENTS:-16}
# Inside bash, $SECONDS is the shell's own timer (always set): read the caller's value from the
# environment instead.
SECONDS_=$(printenv SECONDS || true)
SECONDS_=${SECONDS_:-20}
SETTLE=${SETTLE_SECONDS:-150}
RECOVERY_WAIT=${RECOVERY_WAIT:-120}
PORT=${DRILL_PORT:-31080}
CARDS=${CARDS:-4242424242424242:85,4000000000000002:15}
LATENCY=${ACQUIRER_LATENCY_MS:-100}
RECOVERY_DELAY=${RECOVERY_DELAY_MS:-3000}
LOGS="$ROOT/testbed/target/drill-logs"
START_SECONDS=420   # a start of the gateway, first or second, on a busy 2-core machine

say() { printf '[drill] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
positive() { [[ $2 =~ ^[0-9]+$ && $2 -ge $3 && $2 -le $4 ]] || die "$1 must be an integer in $3..$4"; }

positive CLIENTS "$CLIENTS" 1 256
positive SECONDS "$SECONDS_" 4 600
positive SETTLE_SECONDS "$SETTLE" 0 1800
positive RECOVERY_WAIT "$RECOVERY_WAIT" 0 1800
positive ACQUIRER_LATENCY_MS "$LATENCY" 0 60000
positive RECOVERY_DELAY_MS "$RECOVERY_DELAY" 0 3600000
positive DRILL_PORT "$PORT" 1100 65000
# Ports of other people's servers on this machine: never these, nor what derives from them.
for taken in 8080 9080 18080 28080; do
  (( PORT < taken - 100 || PORT > taken + 400 )) || die "DRILL_PORT $PORT is too close to $taken, which another server uses: choose another one"
done
read -r EPHEMERAL_LOW EPHEMERAL_HIGH </proc/sys/net/ipv4/ip_local_port_range
(( PORT + 352 < EPHEMERAL_LOW || PORT - 80 > EPHEMERAL_HIGH )) \
  || die "DRILL_PORT $PORT: the gateway's ports $((PORT - 80))..$((PORT + 352)) overlap the ephemeral port range $EPHEMERAL_LOW..$EPHEMERAL_HIGH, where retrying clients can take the server's port (TCP self-connect): choose one below $((EPHEMERAL_LOW - 352))"
if [[ -n ${KILL_AFTER:-} ]]; then
  positive KILL_AFTER "$KILL_AFTER" 1 $((SECONDS_ - 1))
  KILL_MS=$((KILL_AFTER * 1000))
else
  KILL_MS=$(( SECONDS_ * 300 + RANDOM % (SECONDS_ * 400 + 1) ))   # 30 % .. 70 % of SECONDS
fi
for tool in java psql curl awk; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

# ---------------------------------------------------------------- build if needed
build() {
  local mvn=(mvn)
  [[ -x "$ROOT/mvnw" ]] && mvn=("$ROOT/mvnw")
  say "building: ${mvn[*]} -o -q -DskipTests install $*"
  (cd "$ROOT" && "${mvn[@]}" -o -q -B -DskipTests install "$@") || die "the build failed"
}
EAR="$ROOT/ear/target/tillpoint.ear"
ASADMIN="$ROOT/server-config/target/payara6/bin/asadmin"
CLIENTS_CLASS="$ROOT/testbed/target/classes/io/tillpoint/testbed/drill/DrillClients.class"
if [[ ${DRILL_SKIP_BUILD:-0} != 1 ]]; then
  if [[ ! -f $EAR || ! -x $ASADMIN ]]; then
    build
  elif [[ -n $(cd "$ROOT" && find pom.xml ejb-module batch-module web-module ear server-config \
               \( -name target -o -path '*/src/test' \) -prune -o -type f -newer "$EAR" -print -quit) ]]; then
    say "product sources are newer than the EAR (tests excluded)"
    build
  elif [[ ! -f $CLIENTS_CLASS || -n $(find "$ROOT/testbed/src" "$ROOT/testbed/pom.xml" -newer "$CLIENTS_CLASS" -print -quit) ]]; then
    build -pl testbed
  fi
fi
[[ -f $EAR && -x $ASADMIN && -f $CLIENTS_CLASS ]] || die "not built (EAR, Payara or testbed classes missing)"
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(cd "$ROOT" && git status --porcelain -- ejb-module batch-module web-module ear server-config 2>/dev/null) ]] \
  && COMMIT="$COMMIT (with uncommitted changes to the product)"

# ---------------------------------------------------------------- gateway lifecycle
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PORT" $((PORT - 32)) $((PORT + 352)); do
  port_busy "$p" && die "port $p is already in use (set DRILL_PORT to another port)"
done

DATA=$(mktemp -d /tmp/tillpoint-drill.XXXXXX)
OUT="$DATA.out"   # the clients' files, beside the data folder (the launcher keeps that one owner-only)
mkdir -p "$OUT" "$LOGS"
rm -f "$LOGS"/*
SECRET=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
ADMIN_PASSWORD=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
LAUNCHER_PID=
CLIENTS_PID=
TAIL_PID=

# PIDs of every process started for this run's gateway (asadmin and the server JVM): their
# command lines name the unique temp data folder.
gateway_pids() {
  local f pid cmd
  for f in /proc/[0-9]*/cmdline; do
    pid=${f#/proc/}; pid=${pid%/cmdline}
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    cmd=$( { tr '\0' ' ' <"$f"; } 2>/dev/null) || continue   # the process may be gone already
    [[ $cmd == *"$DATA/payara"* ]] && echo "$pid"
  done
  return 0
}

# The server's JVM: the PID in the domain's pid file, if that process is this domain's.
server_pid() {
  local domain="$DATA/payara/tillpoint" pid
  pid=$(cat "$domain/config/pid" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$domain" && echo "$pid"
  return 0
}

# start_gateway N: the launcher in the background; returns once it says the gateway is up and
# /health/ready carries the application's database check. (Payara answers /health/ready with 200
# before the application is deployed, without that check: a 200 alone let the clients start
# against a server still deploying, whose token endpoint answered 500.)
start_gateway() {
  local n=$1 started
  started=$(date +%s)
  TILLPOINT_HTTP_PORT=$PORT TILLPOINT_DATA_DIR=$DATA \
  TILLPOINT_PLATFORM_SECRET=$SECRET TILLPOINT_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  TILLPOINT_SANDBOX_LATENCY_MS=$LATENCY TILLPOINT_RECOVERY_DELAY_MS=$RECOVERY_DELAY \
    setsid "$ROOT/server-config/bin/tillpoint" run >"$LOGS/launcher-$n.log" 2>&1 </dev/null &
  LAUNCHER_PID=$!
  for _ in $(seq 1 "$START_SECONDS"); do
    kill -0 "$LAUNCHER_PID" 2>/dev/null || { sed 's/^/  /' "$LOGS/launcher-$n.log" >&2; die "the launcher exited before the gateway was ready"; }
    if grep -q 'Tillpoint is up' "$LOGS/launcher-$n.log" \
        && curl -fs --max-time 5 "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q '"name" *: *"database"'; then
      say "gateway ready after $(( $(date +%s) - started )) s (launcher $LAUNCHER_PID, server JVM $(server_pid))"
      return 0
    fi
    sleep 1
  done
  tail -n 20 "$LOGS/launcher-$n.log" | sed 's/^/  /' >&2
  die "the gateway was not up within $START_SECONDS s (launcher output above)"
}

stop_gateway() {
  [[ -n $LAUNCHER_PID ]] || return 0
  if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    say "stopping the gateway (SIGTERM to launcher $LAUNCHER_PID)"
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 1; done
    if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
      say "warning: the launcher did not stop within 120 s"
      kill -KILL "$LAUNCHER_PID" 2>/dev/null || true
    fi
  fi
  wait "$LAUNCHER_PID" 2>/dev/null || true
  LAUNCHER_PID=
  local left pg
  left=$(gateway_pids)
  pg=$(head -n 1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
  [[ $pg =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null && left="$left $pg"
  if [[ -n ${left// /} ]]; then
    say "warning: gateway processes left after the launcher stopped: $(echo $left); sending SIGTERM"
    kill -TERM $left 2>/dev/null || true
    sleep 10
    kill -KILL $left 2>/dev/null || true
  fi
}

save_logs() {
  cp -f "$DATA/payara/tillpoint/logs/server.log" "$LOGS/server.log" 2>/dev/null || true
  cp -f "$DATA/logs/postgres.log" "$LOGS/postgres.log" 2>/dev/null || true
  cp -f "$OUT"/* "$LOGS/" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $CLIENTS_PID ]] && kill -0 "$CLIENTS_PID" 2>/dev/null; then
    kill -TERM "$CLIENTS_PID" 2>/dev/null || true
    wait "$CLIENTS_PID" 2>/dev/null || true
  fi
  [[ -n $TAIL_PID ]] && kill "$TAIL_PID" 2>/dev/null || true
  stop_gateway
  save_logs
  if [[ ${DRILL_KEEP_DATA:-0} == 1 ]]; then
    say "data folder kept: $DATA"
  else
    [[ $DATA == /tmp/tillpoint-drill.* ]] && rm -rf "$DATA" "$OUT"
  fi
  say "logs in $LOGS"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# sql QUERY: one value (or rows, |-separated) from the gateway's embedded PostgreSQL.
sql() {
  PGPASSWORD=$(cat "$DATA/secrets/postgres-password") PGCONNECT_TIMEOUT=5 PGOPTIONS='-c statement_timeout=60000' \
    psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $((PORT + 352)) -U tillpoint -d tillpoint "$@"
}
table_exists() { [[ $(sql -c "select to_regclass('public.$1') is not null") == t ]]; }
processing_count() { sql -c "select count(*) from payment where status in ('PROCESSING', 'UNKNOWN')"; }

# ---------------------------------------------------------------- 1. the gateway
say "commit $COMMIT; data folder $DATA; HTTP port $PORT, PostgreSQL port $((PORT + 352))"
say "starting the gateway (first start: creates the database and the server domain)"
start_gateway 1

# ---------------------------------------------------------------- 2. the clients
say "clients: $CLIENTS, new payments for $SECONDS_ s, settling for up to $SETTLE s; acquirer latency $LATENCY ms; kill -9 after $(awk -v m="$KILL_MS" 'BEGIN{printf "%.1f", m/1000}') s"
: >"$LOGS/clients.out"
TILLPOINT_PLATFORM_SECRET=$SECRET java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx256m \
  -cp "$ROOT/testbed/target/classes" io.tillpoint.testbed.drill.DrillClients \
  --base-url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --seconds "$SECONDS_" --settle-seconds "$SETTLE" \
  --cards "$CARDS" --out "$OUT" >"$LOGS/clients.out" 2>&1 &
CLIENTS_PID=$!
CLIENTS_STARTED=$(date +%s)
tail -n +1 -f --pid="$CLIENTS_PID" "$LOGS/clients.out" | sed -u 's/^/  [clients] /' >&2 &
TAIL_PID=$!
# The clients count their seconds from the end of their set-up: wait for it before timing the kill.
for _ in $(seq 1 60); do
  grep -q -e '^setup: merchant' -e '^setup failed' "$LOGS/clients.out" && break
  kill -0 "$CLIENTS_PID" 2>/dev/null || break
  sleep 0.2
done
grep -q '^setup: merchant' "$LOGS/clients.out" || die "the clients' set-up failed (see above)"

# ---------------------------------------------------------------- 3. kill -9, and a new start
sleep "$(awk -v m="$KILL_MS" 'BEGIN{printf "%.3f", m/1000}')"
VICTIM=$(server_pid)
[[ -n $VICTIM ]] || die "cannot find the server's JVM (no live pid in $DATA/payara/tillpoint/config/pid)"
BEFORE=$(sql -c "select count(*) from payment" 2>/dev/null || echo '?')
kill -KILL "$VICTIM"
KILLED_AT=$(date +%s)
say "kill -9 $VICTIM (the server JVM), $BEFORE payments in the database just before"
launcher_rc=0
for _ in $(seq 1 120); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$LAUNCHER_PID" 2>/dev/null && die "the launcher did not exit within 120 s of its server's death"
wait "$LAUNCHER_PID" || launcher_rc=$?
LAUNCHER_PID=
say "the launcher exited with status $launcher_rc: $(grep -m1 -o 'the server stopped unexpectedly' "$LOGS/launcher-1.log" || echo 'no word of the server dying')"
say "starting the gateway again on the same data folder"
start_gateway 2
say "down for $(( $(date +%s) - KILLED_AT )) s"
FOLLOW_UPS='table acquirer_follow_up missing'
table_exists acquirer_follow_up && FOLLOW_UPS="$(sql -c 'select count(*) from acquirer_follow_up') open follow-ups"
say "after the restart: $(processing_count) payments processing, $(sql -c 'select count(*) from idempotency_record where not completed') unfinished idempotency keys, $FOLLOW_UPS"

# ---------------------------------------------------------------- 4. settle, then recovery
limit=$((SECONDS_ + SETTLE + 60))
while kill -0 "$CLIENTS_PID" 2>/dev/null; do
  if (( $(date +%s) - CLIENTS_STARTED > limit )); then
    say "warning: the clients did not stop within $limit s: stopping them"
    kill -TERM "$CLIENTS_PID" 2>/dev/null || true
    break
  fi
  sleep 1
done
clients_rc=0
wait "$CLIENTS_PID" || clients_rc=$?
CLIENTS_PID=
wait "$TAIL_PID" 2>/dev/null || true
TAIL_PID=
[[ $clients_rc == 0 && -s $OUT/keys.tsv ]] || die "the clients failed (exit $clients_rc)"

waited=0
left=$(processing_count)
while (( left > 0 && waited < RECOVERY_WAIT )); do
  (( waited % 10 == 0 )) && say "waiting for recovery: $left payments processing ($waited s of $RECOVERY_WAIT)"
  sleep 1; waited=$((waited + 1))
  left=$(processing_count)
done
say "recovery wait over after $waited s: $left payments processing"

# ---------------------------------------------------------------- 5. the verdict
MERCHANT=$(cat "$OUT/merchant.txt")
[[ $MERCHANT =~ ^mer_[A-Za-z0-9_-]+$ ]] || die "unexpected merchant id in $OUT/merchant.txt"
FAILS=0
verdict() {   # verdict PASS|FAIL TEXT
  [[ $1 == PASS ]] || FAILS=$((FAILS + 1))
  printf '%s  %s\n' "$1" "$2" | tee -a "$OUT/verdict.txt"
}
check_zero() {   # check_zero COUNT TEXT
  if [[ $1 == 0 ]]; then verdict PASS "$2"; else verdict FAIL "$2: $1 found"; fi
}
: >"$OUT/verdict.txt"

# The clients' keys, in a temporary table beside the payments.
KEYS_SQL="create temp table drill_key (key text primary key, card_last4 text, amount bigint, state text, posts int,
  reads int, connection_errors int, in_progress_409 int, server_errors int, replays int, first_2xx int,
  payment_id text, answered_status text, final_status text, ids_seen int, last_problem text);
\\copy drill_key from '$OUT/keys.tsv' with (format text, header true)
"
# keys QUERY: a query over drill_key and the database, in one session. (The merchant id, checked
# above, is written into the queries: psql does not interpolate variables in -c.)
keys() { printf '%s\n%s\n' "$KEYS_SQL" "$1" | sql; }

echo
echo "DRILL verdict (commit $COMMIT; $CLIENTS clients, $SECONDS_ s, kill -9 after $(awk -v m="$KILL_MS" 'BEGIN{printf "%.1f", m/1000}') s, cards $(sed -E 's/[0-9]{8,15}([0-9]{4})/..\1/g' <<<"$CARDS"))"
read -r total final refused unfinished with2xx <<<"$(keys "select count(*), count(*) filter (where state = 'final'),
  count(*) filter (where state = 'refused'), count(*) filter (where state in ('open', 'processing')),
  count(*) filter (where first_2xx > 0) from drill_key" | tr '|' ' ')"
echo "keys: $total ($final final, $refused refused with a 4xx, $unfinished without a final answer; $with2xx got a 2xx)"
echo "payments: $(sql -c "select string_agg(status || ' ' || n, ', ' order by status) from (select status, count(*) n from payment where merchant_id = '$MERCHANT' group by status) s")"

check_zero "$unfinished" "every key got a final answer before the deadline"
[[ $refused == 0 ]] || verdict FAIL "no key was refused with a 4xx: $refused were ($(keys "select string_agg(distinct last_problem, ', ') from drill_key where state = 'refused'"))"

bad=$(keys "select count(*) from drill_key k where k.first_2xx > 0 and (k.ids_seen <> 1
  or (select count(*) from payment p where p.merchant_id = '$MERCHANT' and p.reference = k.key) <> 1
  or not exists (select from payment p where p.id = k.payment_id and p.merchant_id = '$MERCHANT' and p.reference = k.key and p.amount = k.amount))")
shared=$(keys "select count(*) from (select payment_id from drill_key where payment_id <> '' group by payment_id having count(*) > 1) d")
unlike=$(keys "select count(*) from drill_key k join payment p on p.id = k.payment_id where k.final_status <> ''
  and k.final_status <> case when p.status in ('PROCESSING', 'UNKNOWN') then 'processing' else lower(p.status) end")
if [[ $bad == 0 && $shared == 0 && $unlike == 0 && $with2xx -gt 0 ]]; then
  verdict PASS "every request that got a 2xx is stored exactly once ($with2xx keys), with the id, amount and final status it was answered with"
else
  none=; [[ $with2xx == 0 ]] && none="; and no key got a 2xx at all"
  verdict FAIL "every request that got a 2xx is stored exactly once: $bad keys not stored once as answered, $shared payment ids answered for two keys, $unlike stored with another status than the final answer$none"
fi

check_zero "$(processing_count)" "no payment is left processing (PROCESSING or UNKNOWN, $waited s after the clients stopped)"
if table_exists acquirer_follow_up; then
  echo "info: $(sql -c 'select count(*) from acquirer_follow_up') rows left in acquirer_follow_up"
fi

twice=$(sql -c "select count(*) from (select reference from payment where merchant_id = '$MERCHANT' group by reference having count(*) > 1) d")
stray=$(keys "select count(*) from payment p where p.merchant_id = '$MERCHANT' and not exists (select from drill_key k where k.key = p.reference)")
if [[ $twice == 0 && $stray == 0 ]]; then
  verdict PASS "no key created two payments (payments per reference <= 1)"
else
  verdict FAIL "no key created two payments: $twice keys have more than one payment, $stray payments carry no key the clients sent"
fi

if ! table_exists sandbox_acquirer_record; then
  verdict FAIL "the sandbox never approved an attempt that has no payment: cannot check: table sandbox_acquirer_record missing (this build keeps no record of the sandbox's decisions)"
else
  orphan=$(sql -c "select count(*) from sandbox_acquirer_record s where s.kind = 'AUTHORIZATION' and s.outcome = 'APPROVED'
    and not exists (select from payment p where p.id = s.payment_id)")
  unreversed=$(sql -c "select count(*) from sandbox_acquirer_record s join payment p on p.id = s.payment_id
    where s.kind = 'AUTHORIZATION' and s.outcome = 'APPROVED' and p.status = 'DECLINED'
    and not exists (select from sandbox_acquirer_record r where r.payment_id = s.payment_id and r.kind = 'REVERSAL')")
  unknown=$(sql -c "select count(*) from payment p where p.merchant_id = '$MERCHANT'
    and p.status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED')
    and not exists (select from sandbox_acquirer_record s where s.payment_id = p.id and s.kind = 'AUTHORIZATION' and s.outcome = 'APPROVED')")
  records=$(sql -c "select coalesce(sum(n), 0) || ' (' || coalesce(string_agg(kind || '/' || outcome || ' ' || n, ', '), '') || ')' from (select kind, outcome, count(*) n from sandbox_acquirer_record group by kind, outcome order by 1, 2) s")
  echo "sandbox records: $records"
  if [[ $orphan == 0 && $unreversed == 0 && $unknown == 0 ]]; then
    verdict PASS "the sandbox never approved an attempt that has no payment, nor one whose payment ended declined without a reversal; every approved payment has its approval on record"
  else
    verdict FAIL "the sandbox approved attempts the gateway does not stand by: $orphan approvals with no payment, $unreversed approvals of declined payments with no reversal, $unknown approved payments the sandbox has no approval of"
  fi
fi

PT=$(curl -s --max-time 30 -d grant_type=client_credentials -d client_id=platform --data-urlencode client_secret="$SECRET" \
  "http://127.0.0.1:$PORT/api/v1/oauth/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
LEDGER=$(curl -s --max-time 60 -H "Authorization: Bearer $PT" "http://127.0.0.1:$PORT/api/v1/admin/ledger/check" || true)
unbalanced=$(sql -c "select count(*) from (select journal_id from ledger_posting group by journal_id, currency having sum(amount) <> 0) j")
booked=$(sql -c "select count(*) from payment p where p.merchant_id = '$MERCHANT' and p.status = 'CAPTURED'
  and (select count(*) from ledger_journal j where j.payment_id = p.id and j.type = 'CAPTURE') <> 1")
if [[ $LEDGER == *'"balanced":true'* && $unbalanced == 0 && $booked == 0 ]]; then
  verdict PASS "the ledger check is balanced ($LEDGER); every captured payment is booked exactly once"
else
  verdict FAIL "the ledger check: ${LEDGER:-no answer}; $unbalanced unbalanced journals in SQL; $booked captured payments not booked exactly once"
fi

echo "the clients: $(grep '^DRILL clients' "$LOGS/clients.out" | cut -d' ' -f3-)"
if [[ $FAILS == 0 ]]; then
  echo "DRILL verdict pass"
else
  echo "DRILL verdict fail ($FAILS checks failed)"
  exit 1
fi
