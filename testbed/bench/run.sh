#!/usr/bin/env bash
# The gateway benchmark in one command (a benchmark, not a test):
#   1. builds if needed, makes sure PostgreSQL is up, creates a fresh database tillpoint_bench;
#   2. starts the gateway on it (server-config/bin/tillpoint run, port $BENCH_PORT, temp data dir);
#   3. runs PaymentBench (testbed) against it, then stops the gateway;
#   4. runs pgbench TPC-B on the same PostgreSQL (fresh database tillpoint_pgbench) with the same
#      clients and duration, before the gateway starts and again after it stopped, so the two
#      never share the cores and the machine's drift during the run is bracketed;
#   5. runs payment.sql through pgbench on the gateway's database: the statements of one payment
#      with no application server, the ceiling for this schema;
#   6. prints the BENCH lines and gateway tps as a percentage of the mean of the two pgbench runs.
#
# Environment:
#   CLIENTS (16)  SECONDS (30)  WARMUP (300, gateway only)  BENCH_PORT (9080; admin port = BENCH_PORT-32)
#   (The gateway starts fresh for every run. Payara's JIT keeps compiling for about five
#   minutes under this load, its C2 thread taking 0.4 of the 2 cores, and throughput roughly
#   doubles once it settles: the default warm-up measures a warm server, as in production.
#   A short WARMUP measures the JIT instead.)
#   ACQUIRER_LATENCY_MS (0): how long the sandbox acquirer takes per answer, as a real acquirer
#   does over the network (TILLPOINT_SANDBOX_LATENCY_MS of the gateway); with 0 the benchmark
#   measures the gateway's own cost, with e.g. 200 and many clients its concurrency.
#   SOAP_BENCH (1): after the REST run, the same payments over SOAP on the same warm gateway,
#   SOAP_WARMUP (60) s warm-up + SECONDS; prints BENCH soap and BENCH soap_vs_rest (0: REST only)
#   BENCH_READY_SECONDS (180): how long the gateway may take to start and deploy
#   PGBENCH_SCALE (16)  BENCH_SKIP_BUILD=1 (use what is built)  BENCH_DROP_DBS=1 (drop both databases at the end)
#   PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres)
# Logs of the last run (launcher output, server.log, bench and pgbench output) are copied to
# testbed/target/bench-logs/. Only loopback is used.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CLIENTS=${CLIENTS:-16}
# Inside bash, $SECONDS is the shell's own timer (always set): read the caller's value from the
# environment instead.
SECONDS_=$(printenv SECONDS || true)
SECONDS_=${SECONDS_:-30}
WARMUP=${WARMUP:-300}
PORT=${BENCH_PORT:-9080}
ADMIN_PORT=$((PORT - 32))
SCALE=${PGBENCH_SCALE:-16}
LATENCY=${ACQUIRER_LATENCY_MS:-0}
SOAP_BENCH=${SOAP_BENCH:-1}
SOAP_WARMUP=${SOAP_WARMUP:-60}
READY_SECONDS=${BENCH_READY_SECONDS:-180}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
BENCH_DB=tillpoint_bench
PGBENCH_DB=tillpoint_pgbench
LOGS="$ROOT/testbed/target/bench-logs"

say() { printf '[bench] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[[ $CLIENTS =~ ^[0-9]+$ && $CLIENTS -ge 1 ]] || die "CLIENTS must be a positive integer"
[[ $SECONDS_ =~ ^[0-9]+$ && $SECONDS_ -ge 1 ]] || die "SECONDS must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"
[[ $LATENCY =~ ^[0-9]{1,5}$ && $LATENCY -le 60000 ]] || die "ACQUIRER_LATENCY_MS must be 0..60000"
[[ $SOAP_WARMUP =~ ^[0-9]+$ && $SOAP_WARMUP -le 600 ]] || die "SOAP_WARMUP must be 0..600"
[[ $READY_SECONDS =~ ^[0-9]+$ && $READY_SECONDS -ge 1 ]] || die "BENCH_READY_SECONDS must be a positive integer"
[[ $PORT =~ ^[0-9]+$ && $PORT -gt 1024 && $PORT -lt 65000 ]] || die "BENCH_PORT must be a port number"
[[ $PORT != 8080 ]] || die "BENCH_PORT 8080 is the developer server's port: use another one"
case "$PGHOST" in 127.*|localhost|::1) ;; *) die "PGHOST must be a loopback address" ;; esac
for tool in java psql pgbench pg_isready curl awk; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

# ---------------------------------------------------------------- build if needed
build() {
  local mvn=(mvn)
  [[ -x "$ROOT/mvnw" ]] && mvn=("$ROOT/mvnw")
  say "building: ${mvn[*]} -q -DskipTests package $*"
  (cd "$ROOT" && { "${mvn[@]}" -o -q -DskipTests package "$@" || "${mvn[@]}" -q -DskipTests package "$@"; }) \
    || die "the build failed"
}
EAR="$ROOT/ear/target/tillpoint.ear"
ASADMIN="$ROOT/server-config/target/payara6/bin/asadmin"
BENCH_CLASS="$ROOT/testbed/target/classes/io/tillpoint/testbed/bench/PaymentBench.class"
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  if [[ ! -f $EAR || ! -x $ASADMIN ]]; then
    build
  elif [[ -n $(cd "$ROOT" && find pom.xml ejb-module batch-module web-module ear server-config \
               \( -name target -o -path '*/src/test' \) -prune -o -type f -newer "$EAR" -print -quit) ]]; then
    say "product sources are newer than the EAR (tests excluded)"
    build
  elif [[ ! -f $BENCH_CLASS || -n $(find "$ROOT/testbed/src" "$ROOT/testbed/pom.xml" -newer "$BENCH_CLASS" -print -quit) ]]; then
    build -pl testbed
  fi
fi
[[ -f $EAR && -x $ASADMIN && -f $BENCH_CLASS ]] || die "not built (EAR, Payara or testbed classes missing)"

# ---------------------------------------------------------------- PostgreSQL
if ! pg_isready -q; then
  say "PostgreSQL is not accepting connections on $PGHOST:$PGPORT: starting it"
  if command -v pg_ctlcluster >/dev/null; then pg_ctlcluster 15 main start || true
  else service postgresql start || true; fi
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  pg_isready -q || die "PostgreSQL did not come up on $PGHOST:$PGPORT"
fi
fresh_db() {
  psql -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "drop database if exists $1 with (force)" -c "create database $1" >/dev/null \
    || die "could not create database $1"
}

# ---------------------------------------------------------------- gateway lifecycle
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PORT" "$ADMIN_PORT"; do
  port_busy "$p" && die "port $p is already in use (set BENCH_PORT to another port)"
done

DATA=$(mktemp -d /tmp/tillpoint-bench.XXXXXX)
LAUNCHER_PID=
mkdir -p "$LOGS"
rm -f "$LOGS"/*

# PIDs of every process started for this run's gateway (the launcher's asadmin CLI and the server
# JVM): their command lines name the unique temp data dir.
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
  local left
  left=$(gateway_pids)
  if [[ -n $left ]]; then
    say "warning: gateway processes left after the launcher stopped: $(echo $left); sending SIGTERM"
    kill -TERM $left 2>/dev/null || true
    for _ in $(seq 1 20); do left=$(gateway_pids); [[ -z $left ]] && break; sleep 1; done
    [[ -n $left ]] && { say "warning: killing $(echo $left)"; kill -KILL $left 2>/dev/null || true; }
  fi
  say "gateway stopped, no process of it left"
}

save_logs() {
  [[ -d $DATA ]] || return 0
  cp -f "$DATA/launcher.log" "$LOGS/launcher.log" 2>/dev/null || true
  cp -f "$DATA/payara/tillpoint/logs/server.log" "$LOGS/server.log" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_gateway
  save_logs
  [[ -n ${DATA:-} && $DATA == /tmp/tillpoint-bench.* ]] && rm -rf "$DATA"
  if [[ ${BENCH_DROP_DBS:-0} == 1 ]]; then
    psql -X -q -d postgres -c "drop database if exists $BENCH_DB with (force)" \
      -c "drop database if exists $PGBENCH_DB with (force)" >/dev/null 2>&1 || true
  fi
  [[ $rc == 0 ]] || say "failed (exit $rc); logs in $LOGS"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- CPU accounting (where the cores go)
# utime+stime clock ticks of the given processes, and the machine's total/idle ticks.
proc_ticks() {
  local total=0 pid stat f
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a f <<<"${stat##*) }"   # fields from 3 (state) on: utime is field 14, stime 15
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu /{ t=0; for (i=2; i<=NF; i++) t+=$i; print t, $5+$6; exit }' /proc/stat; }
postgres_pids() { pgrep -u postgres -x postgres || true; }
# Warns when the machine is busy before a measurement (the benchmark wants the cores to itself).
check_quiet() {
  local t0 i0 t1 i1 busy
  read -r t0 i0 < <(machine_ticks); sleep 3; read -r t1 i1 < <(machine_ticks)
  busy=$(( 100 - 100 * (i1 - i0) / (t1 - t0 + 1) ))
  (( busy <= 15 )) || say "warning: the machine is ${busy}% busy before $1 (other builds or servers?): numbers will be noisy"
}

# ---------------------------------------------------------------- pgbench runs
PGBENCH_JOBS=$(( CLIENTS < 2 ? CLIENTS : 2 ))
# tps_of OUTPUT WHAT: the tps pgbench printed in OUTPUT; stops the benchmark if there is none.
tps_of() {
  local tps
  tps=$(awk '/^tps = /{ print $3; exit }' "$1")
  [[ -n $tps ]] || { cat "$1" >&2; die "no tps line in the $2 output"; }
  echo "$tps"
}

# ---------------------------------------------------------------- pgbench TPC-B (before the gateway starts)
# run_pgbench WHEN: TPC-B on a fresh database; sets PGBENCH_TPS. Runs before and after the
# gateway: a shared machine drifts (by a third within the hour, seen here), and the mean of the
# two brackets the gateway's run better than either.
run_pgbench() {
  local when=$1 out="$LOGS/pgbench-$1.out"
  fresh_db "$PGBENCH_DB"
  say "pgbench ($when the gateway): -i -s $SCALE $PGBENCH_DB"
  pgbench -i -q -s "$SCALE" "$PGBENCH_DB" >"$LOGS/pgbench-init.out" 2>&1 || { cat "$LOGS/pgbench-init.out" >&2; die "pgbench -i failed"; }
  check_quiet "pgbench"
  say "pgbench ($when the gateway): -c $CLIENTS -j $PGBENCH_JOBS -T $SECONDS_ $PGBENCH_DB (TPC-B)"
  pgbench -c "$CLIENTS" -j "$PGBENCH_JOBS" -T "$SECONDS_" "$PGBENCH_DB" 2>&1 | tee "$out" | grep -E '^(tps|latency|number of (transactions|failed))' >&2 || true
  PGBENCH_TPS=$(tps_of "$out" pgbench)
}
run_pgbench before
PGBENCH_BEFORE=$PGBENCH_TPS

# ---------------------------------------------------------------- gateway
fresh_db "$BENCH_DB"
SECRET=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
ADMIN_PASSWORD=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
say "starting the gateway on PostgreSQL $BENCH_DB (http $PORT, admin $ADMIN_PORT, data $DATA)"
TILLPOINT_HTTP_PORT=$PORT TILLPOINT_DATA_DIR=$DATA \
TILLPOINT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" TILLPOINT_DB_USER=postgres TILLPOINT_DB_PASSWORD=postgres \
TILLPOINT_PLATFORM_SECRET=$SECRET TILLPOINT_ADMIN_PASSWORD=$ADMIN_PASSWORD TILLPOINT_SANDBOX_LATENCY_MS=$LATENCY \
  "$ROOT/server-config/bin/tillpoint" run >"$DATA/launcher.log" 2>&1 &
LAUNCHER_PID=$!

ready=0
started=$(date +%s)
for _ in $(seq 1 "$READY_SECONDS"); do
  kill -0 "$LAUNCHER_PID" 2>/dev/null || { sed 's/^/  /' "$DATA/launcher.log" >&2; die "the launcher exited before the gateway was ready"; }
  if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://localhost:$PORT/health/ready" 2>/dev/null) == 200 ]]; then
    ready=1; break
  fi
  sleep 1
done
[[ $ready == 1 ]] || { tail -n 20 "$DATA/launcher.log" | sed 's/^/  /' >&2; die "/health/ready did not answer 200 within $READY_SECONDS s"; }
say "gateway ready after $(( $(date +%s) - started )) s"

# ---------------------------------------------------------------- gateway benchmark
check_quiet "PaymentBench"
say "PaymentBench: $CLIENTS clients, ${WARMUP} s warm-up + ${SECONDS_} s, acquirer answers in ${LATENCY} ms"
PAYARA_PIDS=$(gateway_pids)
read -r m0_total m0_idle < <(machine_ticks)
g0=$(proc_ticks $PAYARA_PIDS); p0=$(proc_ticks $(postgres_pids))
: >"$LOGS/bench.out"
# The load generator shares the 2 cores with the gateway: C1 only and the serial collector
# roughly halve its CPU per request compared with the JVM defaults.
TILLPOINT_PLATFORM_SECRET=$SECRET java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms128m -Xmx512m -cp "$ROOT/testbed/target/classes" \
  io.tillpoint.testbed.bench.PaymentBench --base-url "http://localhost:$PORT" \
  --clients "$CLIENTS" --seconds "$SECONDS_" --warmup "$WARMUP" >"$LOGS/bench.out" 2>&1 &
BENCH_PID=$!
tail -n +1 -f --pid="$BENCH_PID" "$LOGS/bench.out" &
TAIL_PID=$!
# sample the bench JVM's own ticks just before it exits (its /proc entry goes away with it)
b_ticks=0
while kill -0 "$BENCH_PID" 2>/dev/null; do
  t=$(proc_ticks "$BENCH_PID"); [[ $t -gt 0 ]] && b_ticks=$t
  sleep 0.5
done
bench_rc=0; wait "$BENCH_PID" || bench_rc=$?
read -r m1_total m1_idle < <(machine_ticks)
g1=$(proc_ticks $PAYARA_PIDS); p1=$(proc_ticks $(postgres_pids))
wait "$TAIL_PID" 2>/dev/null || true
[[ $bench_rc == 0 ]] || die "PaymentBench failed (exit $bench_rc)"
GATEWAY_LINE=$(grep '^BENCH gateway ' "$LOGS/bench.out" | tail -n 1)
[[ -n $GATEWAY_LINE ]] || die "PaymentBench printed no BENCH line"
GATEWAY_TPS=$(sed -n 's/.* tps=\([0-9.]*\).*/\1/p' <<<"$GATEWAY_LINE")
# CPU split over the whole bench run (setup + warm-up + measured), in cores (machine = $(nproc))
awk -v mt=$((m1_total - m0_total)) -v mi=$((m1_idle - m0_idle)) -v g=$((g1 - g0)) -v p=$((p1 - p0)) \
    -v b="$b_ticks" -v n="$(nproc)" 'BEGIN {
  if (mt <= 0) exit; c = n / mt; busy = mt - mi; other = busy - g - p - b; if (other < 0) other = 0
  printf "BENCH cpu cores=%d bench_jvm=%.2f payara=%.2f postgres=%.2f other=%.2f idle=%.2f\n", n, b*c, g*c, p*c, other*c, mi*c
  if (other*c > 0.2) printf "BENCH warning: other processes used %.2f cores during the run: the numbers are disturbed\n", other*c
}' | tee -a "$LOGS/bench.out"

# ---------------------------------------------------------------- the same payments over SOAP
# On the same warm server, right after: the SOAP Authorize of the same payment (same card, amounts,
# idempotency keys), so the two numbers differ only by the interface (Metro, SAAJ, XML to JSON).
SOAP_TPS=
if [[ $SOAP_BENCH != 0 ]]; then
  check_quiet "PaymentBench over SOAP"
  say "PaymentBench over SOAP: $CLIENTS clients, ${SOAP_WARMUP} s warm-up + ${SECONDS_} s"
  TILLPOINT_PLATFORM_SECRET=$SECRET java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms128m -Xmx512m -cp "$ROOT/testbed/target/classes" \
    io.tillpoint.testbed.bench.PaymentBench --base-url "http://localhost:$PORT" --protocol soap \
    --clients "$CLIENTS" --seconds "$SECONDS_" --warmup "$SOAP_WARMUP" >"$LOGS/bench-soap.out" 2>&1 \
    || { cat "$LOGS/bench-soap.out" >&2; die "PaymentBench over SOAP failed"; }
  grep -E '^(requests|throughput|latency|errors)' "$LOGS/bench-soap.out" >&2 || true
  SOAP_LINE=$(grep '^BENCH soap ' "$LOGS/bench-soap.out" | tail -n 1)
  [[ -n $SOAP_LINE ]] || die "PaymentBench over SOAP printed no BENCH line"
  echo "$SOAP_LINE"
  SOAP_TPS=$(sed -n 's/.* tps=\([0-9.]*\).*/\1/p' <<<"$SOAP_LINE")
fi

save_logs
if grep -q '^errors  *[1-9]' "$LOGS/bench.out" && [[ -f $LOGS/server.log ]]; then
  say "the gateway answered errors: last WARNING/SEVERE lines of server.log:"
  grep -E 'WARNING|SEVERE' "$LOGS/server.log" | tail -n 20 | cut -c1-400 | sed 's/^/  /' >&2 || true
fi
stop_gateway
save_logs

# ---------------------------------------------------------------- the payment's SQL alone (gateway stopped)
# payment.sql sends PostgreSQL exactly what the gateway sends for one payment, through pgbench, on
# the gateway's schema and data: what the database alone can do, the ceiling for any gateway that
# writes these rows. The gap between it and the gateway is the application server's share.
run_payment_sql() {
  local out="$LOGS/payment-sql.out" merchant
  merchant=$(psql -X -At -d "$BENCH_DB" -c "select merchant_id from payment order by created_at desc limit 1") \
    && [[ -n $merchant ]] || die "no payment in $BENCH_DB to take the merchant from"
  check_quiet "the payment's SQL"
  say "the payment's SQL alone: pgbench -M prepared -c $CLIENTS -j $PGBENCH_JOBS -T $SECONDS_ -f testbed/bench/payment.sql $BENCH_DB"
  pgbench -n -M prepared -c "$CLIENTS" -j "$PGBENCH_JOBS" -T "$SECONDS_" -D merchant="$merchant" -f "$HERE/payment.sql" "$BENCH_DB" \
    >"$out" 2>&1 || { cat "$out" >&2; die "pgbench with payment.sql failed"; }
  grep -q 'aborted' "$out" && { cat "$out" >&2; die "pgbench with payment.sql aborted clients"; }
  grep -E '^(tps|latency|number of failed)' "$out" >&2 || true
  SQL_TPS=$(tps_of "$out" payment.sql)
}
run_payment_sql

# ---------------------------------------------------------------- pgbench TPC-B again (gateway stopped)
run_pgbench after
PGBENCH_AFTER=$PGBENCH_TPS
PGBENCH_TPS=$(awk -v a="$PGBENCH_BEFORE" -v b="$PGBENCH_AFTER" 'BEGIN{printf "%.1f", (a + b) / 2}')

echo "BENCH pgbench clients=$CLIENTS seconds=$SECONDS_ tps=$PGBENCH_TPS before=$(awk -v t="$PGBENCH_BEFORE" 'BEGIN{printf "%.1f", t}') after=$(awk -v t="$PGBENCH_AFTER" 'BEGIN{printf "%.1f", t}')"
awk -v g="$GATEWAY_TPS" -v p="$PGBENCH_TPS" -v c="$CLIENTS" -v s="$SECONDS_" -v l="$LATENCY" 'BEGIN {
  printf "BENCH summary clients=%d seconds=%d acquirer_latency_ms=%d gateway_tps=%.1f pgbench_tps=%.1f gateway_vs_pgbench_pct=%.1f\n", c, s, l, g, p, (p > 0 ? 100 * g / p : 0)
}'
awk -v g="$GATEWAY_TPS" -v q="$SQL_TPS" -v p="$PGBENCH_TPS" 'BEGIN {
  printf "BENCH payment_sql tps=%.1f sql_vs_pgbench_pct=%.1f gateway_vs_sql_pct=%.1f\n", q, (p > 0 ? 100 * q / p : 0), (q > 0 ? 100 * g / q : 0)
}'
if [[ -n $SOAP_TPS ]]; then
  awk -v g="$GATEWAY_TPS" -v s="$SOAP_TPS" 'BEGIN {
    printf "BENCH soap_vs_rest rest_tps=%.1f soap_tps=%.1f soap_vs_rest_pct=%.1f\n", g, s, (g > 0 ? 100 * s / g : 0)
  }'
fi
say "databases $BENCH_DB and $PGBENCH_DB are kept; drop them with: psql -h $PGHOST -U $PGUSER -d postgres -c 'drop database $BENCH_DB' -c 'drop database $PGBENCH_DB'"
