#!/usr/bin/env bash
# The database side of the console's benchmark (a benchmark, not a test), without a gateway: the
# gateway's migrations on a fresh database, a million payments written as console.sh writes them,
# then each statement the dashboard and the payment search run, timed by EXPLAIN ANALYZE over
# $ROUNDS runs (median and worst), with the plan's first line. console.sh times the same through
# the pages; this shows what the indexes and the summaries leave to the database.
# Environment: PAYMENTS (1000000)  ROUNDS (7)  PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/postgres)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PAYMENTS=${PAYMENTS:-1000000}
ROUNDS=${ROUNDS:-7}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
DB=tillpoint_console_queries
say() { echo "[console-queries] $*" >&2; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
# In Flyway's order: V1, V1_1, V2, ... V10, V11 (the Java migrations only move existing data).
for f in $(ls "$ROOT"/ejb-module/src/main/resources/db/migration/V*.sql \
           | awk -F/ '{ v = $NF; sub(/^V/, "", v); sub(/__.*/, "", v); split(v, p, "_"); printf "%d %d %s\n", p[1], p[2], $0 }' \
           | sort -k1,1n -k2,2n | cut -d' ' -f3); do
  q -f "$f" >/dev/null
done
for i in $(seq 1 20); do
  q -c "insert into merchant (id, version, name, country, default_currency, fee_percent_bps, fee_fixed, status, created_at)
        values ('mer_bench$(printf %02d "$i")', 0, 'Bench $i', 'US', 'USD', 290, 30, 'active', now())"
done
say "writing $PAYMENTS payments"
t0=$(date +%s)
q <<SQL
with m as (select array_agg(id order by id) ids from merchant)
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
  created_at + interval '1 hour' from payment where status = 'PARTIALLY_REFUNDED';
analyze payment; analyze refund;
SQL
say "written in $(( $(date +%s) - t0 )) s"

OUTCOME="case when status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED') then 'approved' when status = 'DECLINED' then 'declined' else 'pending' end"
refresh() {  # the gateway's DashboardRefresh statements from $1
  cat <<SQL
delete from payment_stats_hourly where hour >= date_trunc('hour', $1, 'UTC');
insert into payment_stats_hourly (hour, merchant_id, currency, outcome, decline_code, payments, amount)
 select date_trunc('hour', created_at, 'UTC'), merchant_id, currency, $OUTCOME, coalesce(decline_code, ''), count(*), sum(amount)
 from payment where created_at >= date_trunc('hour', $1, 'UTC') group by 1, 2, 3, 4, 5;
delete from refund_stats_hourly where hour >= date_trunc('hour', $1, 'UTC');
insert into refund_stats_hourly (hour, merchant_id, currency, refunds, amount)
 select date_trunc('hour', created_at, 'UTC'), merchant_id, currency, count(*), sum(amount) from refund
 where status = 'succeeded' and created_at >= date_trunc('hour', $1, 'UTC') group by 1, 2, 3;
SQL
}
t0=$(date +%s%N); refresh "'-infinity'::timestamptz" | q >/dev/null; full=$(( ($(date +%s%N) - t0) / 1000000 ))
q -c "analyze payment_stats_hourly; analyze refund_stats_hourly" >/dev/null
echo "BENCH console-db summaries-first-build           $full ms (all $PAYMENTS payments, $(q -c 'select count(*) from payment_stats_hourly') hourly rows)"
times=()
for _ in $(seq 1 "$ROUNDS"); do
  t0=$(date +%s%N); refresh "now() - interval '48 hours'" | q >/dev/null; times+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n=summaries-refresh-48h '{t[NR]=$1} END {printf "BENCH console-db %-30s median %7.1f ms  worst %7.1f ms\n", n, t[int((NR+1)/2)], t[NR]}'

# time NAME SQL: EXPLAIN ANALYZE's execution time over ROUNDS runs.
time_sql() {
  local name=$1 sql=$2 out
  for _ in $(seq 1 "$ROUNDS"); do
    q -c "explain (analyze, timing off) $sql" | awk '/Execution Time/ {print $3}'
  done | sort -n | awk -v n="$name" '{t[NR]=$1} END {printf "BENCH console-db %-30s median %7.1f ms  worst %7.1f ms\n", n, t[int((NR+1)/2)], t[NR]}'
}
P="p.id, p.merchant_id, m.name, p.status, p.amount, p.currency, p.amount_refunded, p.reference, p.card_brand, p.card_last4, p.decline_code, p.risk_decision, p.created_at from payment p left join merchant m on m.id = p.merchant_id"
D90="hour >= date_trunc('day', now() - interval '90 days') and hour < now() + interval '1 hour'"
D7="hour >= date_trunc('day', now() - interval '7 days') and hour < now() + interval '1 hour'"
buckets() {
  echo "with p as (select date_trunc('day', hour, 'UTC') b, currency, sum(payments) filter (where outcome = 'approved') a,
    sum(amount) filter (where outcome = 'approved') aa, sum(payments) filter (where outcome = 'declined') d,
    sum(payments) filter (where outcome = 'pending') pe from payment_stats_hourly where $1 group by 1, 2),
    r as (select date_trunc('day', hour, 'UTC') b, currency, sum(refunds) n, sum(amount) s from refund_stats_hourly where $1 group by 1, 2)
    select * from p full join r on r.b = p.b and r.currency = p.currency order by 1, 2"
}
{
  time_sql dashboard-buckets-7d "$(buckets "$D7")"
  time_sql dashboard-buckets-90d "$(buckets "$D90")"
  time_sql dashboard-buckets-90d-merchant "$(buckets "$D90 and merchant_id = 'mer_bench07'")"
  time_sql dashboard-declines-90d "select lower(decline_code), sum(payments) from payment_stats_hourly where outcome = 'declined' and $D90 group by 1 order by 2 desc limit 10"
  time_sql dashboard-in-review "select count(*) from risk_review where decided_at is null"
  time_sql search-first-page "select $P order by p.created_at desc, p.id desc offset 0 limit 25"
  time_sql search-count-capped "select count(*) from (select 1 from payment p limit 10001) x"
  time_sql search-page-40 "select $P order by p.created_at desc, p.id desc offset 1000 limit 25"
  time_sql search-id "select $P where p.id = 'pay_b$(printf '%022d' $((PAYMENTS / 3)))' order by p.created_at desc, p.id desc offset 0 limit 25"
  time_sql search-reference "select $P where p.reference = 'order-$((PAYMENTS / 2))' order by p.created_at desc, p.id desc offset 0 limit 25"
  time_sql search-merchant-status "select $P where p.merchant_id = 'mer_bench07' and p.status in ('DECLINED') order by p.created_at desc, p.id desc offset 0 limit 25"
  time_sql search-merchant-status-count "select count(*) from (select 1 from payment p where p.merchant_id = 'mer_bench07' and p.status in ('DECLINED') limit 10001) x"
  time_sql search-last4-amount "select $P where p.card_last4 = '4242' and p.amount >= 1000 and p.amount <= 50000 order by p.created_at desc, p.id desc offset 0 limit 25"
  time_sql search-date-range "select $P where p.created_at >= now() - interval '30 days' and p.created_at < now() - interval '29 days' order by p.created_at desc, p.id desc offset 0 limit 25"
  time_sql search-date-range-count "select count(*) from (select 1 from payment p where p.created_at >= now() - interval '30 days' and p.created_at < now() - interval '29 days' limit 10001) x"
} | tee "$ROOT/testbed/target/console-queries.txt"
say "payments: $PAYMENTS, cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg); database $DB kept (drop: psql -d postgres -c 'drop database $DB')"
