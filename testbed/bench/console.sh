#!/usr/bin/env bash
# The console's benchmark (a benchmark, not a test): the dashboard's and the payment search's
# response times on a database of a million payments.
#   1. makes a fresh database tillpoint_console_bench on the PostgreSQL at $PGHOST:$PGPORT and starts
#      the gateway on it (server-config/bin/tillpoint run, port $BENCH_PORT, temp data dir);
#   2. registers $MERCHANTS merchants over the API and writes $PAYMENTS payments (90 days, 92 %
#      approved, declines by code, 3 % refunded) and their refunds with one SQL statement each;
#   3. times one rebuild of the dashboard's summaries of the last 48 hours (what the gateway does
#      every minute) and waits until the gateway's own first full build is there;
#   4. signs in to the console as admin with curl and times, $ROUNDS times each: the dashboard
#      (7 days and 90 days), the payment list (first page, count capped), and searches by
#      reference, by merchant + status, by last four + amount range, by date range;
#   5. prints BENCH lines (median and 95th percentile, ms) and stops the gateway.
# Environment: PAYMENTS (1000000)  MERCHANTS (20)  ROUNDS (20)  BENCH_PORT (9180)
#   PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/postgres)  BENCH_SKIP_BUILD=1
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PAYMENTS=${PAYMENTS:-1000000}
MERCHANTS=${MERCHANTS:-20}
ROUNDS=${ROUNDS:-20}
PORT=${BENCH_PORT:-9180}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
DB=tillpoint_console_bench
B=http://localhost:$PORT

say() { echo "[console-bench] $*" >&2; }
die() { say "error: $*"; exit 1; }
for tool in java psql curl awk sort; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

EAR="$ROOT/ear/target/tillpoint.ear"
if [[ ${BENCH_SKIP_BUILD:-0} != 1 || ! -f $EAR ]]; then
  say "building"
  (cd "$ROOT" && ./mvnw -o -q -B -DskipTests package) || die "the build failed"
fi

DATA=$(mktemp -d /tmp/tillpoint-console-bench.XXXXXX)
LAUNCHER_PID=
cleanup() {
  trap - EXIT INT TERM
  if [[ -n $LAUNCHER_PID ]] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    say "stopping the gateway"
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$LAUNCHER_PID" 2>/dev/null || true
  fi
  mkdir -p "$ROOT/testbed/target/bench-logs"
  cp -f "$DATA/launcher.log" "$ROOT/testbed/target/bench-logs/console-launcher.log" 2>/dev/null || true
  cp -f "$DATA/payara/tillpoint/logs/server.log" "$ROOT/testbed/target/bench-logs/console-server.log" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null

SECRET=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
ADMIN_PASSWORD=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
say "starting the gateway on $DB (http $PORT)"
TILLPOINT_HTTP_PORT=$PORT TILLPOINT_DATA_DIR=$DATA \
TILLPOINT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" TILLPOINT_DB_USER=$PGUSER TILLPOINT_DB_PASSWORD=$PGPASSWORD \
TILLPOINT_PLATFORM_SECRET=$SECRET TILLPOINT_ADMIN_PASSWORD=$ADMIN_PASSWORD TILLPOINT_DASHBOARD_REFRESH_MS=60000 \
  "$ROOT/server-config/bin/tillpoint" run >"$DATA/launcher.log" 2>&1 &
LAUNCHER_PID=$!
for _ in $(seq 1 600); do
  kill -0 "$LAUNCHER_PID" 2>/dev/null || { tail -20 "$DATA/launcher.log" >&2; die "the launcher exited"; }
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$B/health/ready") == 200 ]] && break
  sleep 1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$B/health/ready") == 200 ]] || die "the gateway did not become ready"

field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
PT=$(curl -s -d grant_type=client_credentials -d client_id=platform -d client_secret="$SECRET" "$B/api/v1/oauth/token" | field access_token)
for i in $(seq 1 "$MERCHANTS"); do
  curl -s -o /dev/null -H "Authorization: Bearer $PT" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench $i\",\"country\":\"US\",\"default_currency\":\"USD\",\"pricing\":{\"percent_bps\":290,\"fixed\":30}}" \
    "$B/api/v1/admin/merchants"
done

say "writing $PAYMENTS payments over 90 days"
t0=$(date +%s)
q <<SQL
with m as (select array_agg(id order by id) ids from merchant where name like 'Bench %')
insert into payment (id, version, merchant_id, status, amount, currency, amount_capturable, amount_captured,
  amount_refunded, capture_mode, reference, method_type, card_brand, card_bin, card_last4, card_exp_month,
  card_exp_year, decline_code, challenge_attempts, created_at, updated_at, risk_score, risk_decision)
select 'pay_b' || lpad(g::text, 22, '0'), 1, m.ids[1 + g % array_length(m.ids, 1)],
  case when g % 100 < 89 then 'CAPTURED' when g % 100 < 92 then 'PARTIALLY_REFUNDED' when g % 100 < 98 then 'DECLINED'
       when g % 100 < 99 then 'AUTHORIZED' else 'VOIDED' end,
  500 + (g::bigint * 7919) % 200000, case when g % 5 = 0 then 'EUR' else 'USD' end,
  0, case when g % 100 < 92 then 500 + (g::bigint * 7919) % 200000 else 0 end,
  case when g % 100 between 89 and 91 then 100 else 0 end, 'AUTOMATIC', 'order-' || g, 'CARD', 'visa', '424242',
  lpad(((g * 31) % 10000)::text, 4, '0'), 12, 2030,
  case when g % 100 between 92 and 97 then (array['INSUFFICIENT_FUNDS', 'CARD_DECLINED', 'EXPIRED_CARD',
       'INCORRECT_CVC', 'PROCESSING_ERROR', 'INVALID_ACCOUNT'])[1 + g % 6] end,
  0, now() - (g::double precision / $PAYMENTS) * interval '90 days', now() - (g::double precision / $PAYMENTS) * interval '90 days', 10, 'allow'
from generate_series(1, $PAYMENTS) g, m;
insert into refund (id, version, payment_id, merchant_id, amount, currency, status, reason, created_at, updated_at)
select 'ref_b' || substr(id, 6), 1, id, merchant_id, 100, currency, 'succeeded', 'bench', created_at + interval '1 hour',
  created_at + interval '1 hour' from payment where status = 'PARTIALLY_REFUNDED' and id like 'pay_b%';
analyze payment; analyze refund;
SQL
say "written in $(( $(date +%s) - t0 )) s: $(q -c 'select count(*) from payment') payments, $(q -c 'select count(*) from refund') refunds"

# The gateway's first refresh builds every hour from the oldest payment; wait for it.
for _ in $(seq 1 300); do
  [[ $(q -c "select count(*) from payment_stats_hourly where hour < now() - interval '80 days'") != 0 ]] && break
  sleep 1
done
say "summaries: $(q -c 'select count(*) from payment_stats_hourly') hourly rows"
REFRESH_MS=$(q <<'SQL' | awk '/Time:/ {print $2}' | tail -1
\timing on
begin;
delete from payment_stats_hourly where hour >= date_trunc('hour', now() - interval '48 hours', 'UTC');
insert into payment_stats_hourly (hour, merchant_id, currency, outcome, decline_code, payments, amount)
 select date_trunc('hour', created_at, 'UTC'), merchant_id, currency,
  case when status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED') then 'approved'
       when status = 'DECLINED' then 'declined' else 'pending' end, coalesce(decline_code, ''), count(*), sum(amount)
 from payment where created_at >= date_trunc('hour', now() - interval '48 hours', 'UTC') group by 1, 2, 3, 4, 5;
commit;
SQL
)

# ---------------------------------------------------------------- console session
JAR="$DATA/cookies"
viewstate() { sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }
VS=$(curl -s -c "$JAR" -b "$JAR" "$B/console/login.xhtml" | viewstate)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "login=login" --data-urlencode "login:username=admin" \
  --data-urlencode "login:password=$ADMIN_PASSWORD" --data-urlencode "login:submit=" \
  --data-urlencode "jakarta.faces.ViewState=$VS" "$B/console/login.xhtml"
[[ $(curl -s -b "$JAR" -o /dev/null -w '%{http_code}' "$B/console/dashboard.xhtml") == 200 ]] || die "could not sign in to the console"

# time_get NAME URL / time_post NAME PAGE FORM...: ROUNDS timed requests (after 3 untimed), BENCH line.
report() {
  sort -n | awk -v name="$1" '{ t[NR] = $1 * 1000 } END { printf "BENCH console %-28s median %7.1f ms  p95 %7.1f ms  (%d requests)\n",
    name, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], NR }'
}
time_get() {
  local name=$1 url=$2
  for _ in 1 2 3; do curl -s -o /dev/null -b "$JAR" "$url"; done
  for _ in $(seq 1 "$ROUNDS"); do curl -s -o /dev/null -b "$JAR" -w '%{time_total}\n' "$url"; done | report "$name"
}
time_post() {
  local name=$1 page=$2; shift 2
  local args=() f
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  for i in $(seq 1 $((ROUNDS + 3))); do
    local vs
    vs=$(curl -s -b "$JAR" -c "$JAR" "$B/console/$page" | viewstate)
    local t
    t=$(curl -s -o "$DATA/answer.html" -b "$JAR" -c "$JAR" -w '%{time_total}' "${args[@]}" \
      --data-urlencode "jakarta.faces.ViewState=$vs" "$B/console/$page")
    [[ $i -gt 3 ]] && echo "$t"
  done | report "$name"
  grep -q 'ui-datatable' "$DATA/answer.html" || say "warning: $name answered without a table"
}

MERCHANT=$(q -c "select id from merchant where name = 'Bench 7'")
say "timing (each $ROUNDS requests after 3 untimed ones)"
{
  echo "BENCH console summaries-refresh-48h         $REFRESH_MS ms (one rebuild of the last 48 hours, psql)"
  time_get "dashboard-7d" "$B/console/dashboard.xhtml"
  time_post "dashboard-90d" dashboard.xhtml "dashboard=dashboard" "dashboard:period=90d" "dashboard:apply="
  time_get "payments-first-page" "$B/console/payments.xhtml"
  time_post "search-reference" payments.xhtml "search=search" "search:query=order-$((PAYMENTS / 2))" "search:go="
  time_post "search-merchant-status" payments.xhtml "search=search" "search:merchant=$MERCHANT" "search:status=DECLINED" "search:go="
  time_post "search-last4-amount" payments.xhtml "search=search" "search:last4=4242" "search:min=10" "search:max=500" "search:go="
  time_post "search-date-range" payments.xhtml "search=search" "search:from_input=$(date -u -d '-30 days' +%F)" "search:to_input=$(date -u -d '-29 days' +%F)" "search:go="
  time_get "payment-timeline" "$B/console/payment.xhtml?id=pay_b$(printf '%022d' $((PAYMENTS / 3)))"
} | tee "$ROOT/testbed/target/console-bench.txt"
say "payments: $PAYMENTS, merchants: $MERCHANTS, cores: $(nproc); database $DB kept (drop it with: psql -d postgres -c 'drop database $DB')"
