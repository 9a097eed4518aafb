-- One card payment with automatic capture, as the gateway sends it to PostgreSQL: the same
-- statements, columns and parameters, copied from PostgreSQL's statement log of a real payment
-- (log_statement = all). run.sh runs it through pgbench (-M prepared, like the JDBC driver's
-- server-side statements) on the gateway's own schema: database work only, no application
-- server. It is the ceiling for any gateway that writes these rows, beside pgbench's TPC-B.
-- The first transaction is one statement in autocommit (one round trip); the second is what the
-- JDBC driver sends in JTA: BEGIN and the statement in one flight (a pipeline here), then COMMIT.
-- 3 round trips per payment.
-- Ids are per client and random (a client makes far too few payments for two to meet); the
-- values are those of the benchmark's own payments (a Visa card, a 550-byte stored answer).
-- Every journal balances (+amount, -amount), so the ledger check still holds on the benchmark
-- database. Variables: :merchant (-D); :client_id is pgbench's own.
\set amount random(100, 99999)
\set n random(1, 999999999999999)
-- Transaction 1: claim the idempotency key and record the attempt (the payment is inserted only
-- if the key was free), one statement in autocommit.
with claim as (insert into idempotency_record (id, version, owner_id, idem_key, request_hash, completed, created_at) values (:merchant || '|sqlbench-' || :client_id || '-' || :n, 1, :merchant, 'sqlbench-' || :client_id || '-' || :n, '1a87123538e5793bdcb7b74acd4700000e248ccaccfaa9a611af40ed68246e29', false, now()) on conflict (id) do nothing returning id) insert into payment (id, version, merchant_id, status, amount, currency, amount_capturable, amount_captured, amount_refunded, capture_mode, reference, description, metadata, customer_id, customer_email, customer_ip, customer_country, method_type, card_brand, card_bin, card_last4, card_exp_month, card_exp_year, card_country, card_fingerprint, decline_code, acquirer_reference, authorization_code, challenge_attempts, created_at, updated_at) select 'pay_' || :client_id || '_' || :n, 1, :merchant, 'PROCESSING', :amount, 'USD', 0, 0, 0, 'AUTOMATIC', 'sqlbench', NULL, NULL, NULL, NULL, NULL, NULL, 'CARD', 'visa', '424242', '4242', 12, 2030, NULL, '0gjOKVq_tgSgdMQE7S0wbL', NULL, NULL, NULL, 0, now(), now() from claim;
-- (the acquirer is asked here, with no transaction open)
-- Transaction 2: the payment's new state if it is still the one recorded, and only then the
-- ledger journal with its postings, the stored response and the payment's event (the outbox row,
-- about 800 bytes: the payment as the API shows it and the internal facts; issue 18). The relay
-- deletes event rows later in rounds of up to 250 (one statement per round), which this leaves out.
\startpipeline
BEGIN;
with moved as (update payment set status = 'CAPTURED', amount_capturable = 0, amount_captured = :amount, amount_refunded = 0, decline_code = NULL, acquirer_reference = 'sbx_E49MLVJ7WA2AIGavdYMW', authorization_code = '711500', challenge_attempts = 0, card_country = 'US', updated_at = now(), version = version + 1 where id = 'pay_' || :client_id || '_' || :n and version = 1 returning id), journal as (insert into ledger_journal (id, type, merchant_id, payment_id, created_at) select 'jnl_' || :client_id || '_' || :n, 'CAPTURE', :merchant, 'pay_' || :client_id || '_' || :n, now() from moved returning id), postings as (insert into ledger_posting (id, journal_id, account, merchant_id, currency, amount) select line.id, journal.id, line.account, line.merchant_id, line.currency, line.amount from journal, (values ('pst_' || :client_id || '_' || :n || '_1', 'ACQUIRER_RECEIVABLE', :merchant, 'USD', :amount::bigint), ('pst_' || :client_id || '_' || :n || '_2', 'MERCHANT_PAYABLE', :merchant, 'USD', 0 - :amount)) as line (id, account, merchant_id, currency, amount)), answered as (update idempotency_record set completed = true, response_status = 201, response_content_type = 'application/json', response_location = '/api/v1/payments/pay_' || :client_id || '_' || :n, response_body = convert_to(repeat('x', 550), 'UTF8'), completed_at = now(), version = version + 1 where id = :merchant || '|sqlbench-' || :client_id || '-' || :n and completed_at is null and exists (select from moved) returning id), announced as (insert into domain_event_outbox (id, type, merchant_id, subject_id, created_at, data, internal) select 'evt_' || :client_id || '_' || :n, 'payment.captured', :merchant, 'pay_' || :client_id || '_' || :n, now(), repeat('x', 550), repeat('y', 260) from moved) select (select count(*) from moved), (select count(*) from answered);
\endpipeline
COMMIT;
