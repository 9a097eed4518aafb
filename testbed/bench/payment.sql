-- One card payment with automatic capture, as the gateway sends it to PostgreSQL: the same
-- statements, columns and parameters, copied from PostgreSQL's statement log of a real payment
-- (log_statement = all). run.sh runs it through pgbench (-M prepared, like the JDBC driver's
-- server-side statements) on the gateway's own schema: database work only, no application
-- server. It is the ceiling for any gateway that writes these rows, beside pgbench's TPC-B.
-- Ids are increasing, like the gateway's time-ordered ids; the values are those of the benchmark's
-- own payments (a Visa card, a 550-byte stored answer). Every journal balances (+amount, -amount),
-- so the ledger check still holds on the benchmark database. Variables: :merchant (-D).
\set amount random(100, 99999)
-- Transaction 1: claim the idempotency key and record the attempt.
BEGIN;
INSERT INTO idempotency_record (ID, COMPLETED, completed_at, created_at, idem_key, owner_id, request_hash, response_body, response_content_type, response_location, response_status, VERSION) VALUES (:merchant || '|sqlbench-' || lpad(nextval('sqlbench_ids')::text, 12, '0'), false, NULL, now(), 'sqlbench', :merchant, '1a87123538e5793bdcb7b74acd4700000e248ccaccfaa9a611af40ed68246e29', NULL, NULL, NULL, NULL, 1) RETURNING ID AS idem \gset
INSERT INTO payment (ID, acquirer_reference, AMOUNT, amount_capturable, amount_captured, amount_refunded, authorization_code, capture_mode, challenge_attempts, created_at, CURRENCY, decline_code, DESCRIPTION, merchant_id, metadata, method_type, REFERENCE, STATUS, updated_at, VERSION, card_bin, card_brand, card_country, card_exp_month, card_exp_year, card_fingerprint, card_last4, customer_country, customer_email, customer_id, customer_ip) VALUES ('pay_' || lpad(nextval('sqlbench_ids')::text, 24, '0'), NULL, :amount, 0, 0, 0, NULL, 'AUTOMATIC', 0, now(), 'USD', NULL, NULL, :merchant, NULL, 'CARD', 'sqlbench', 'PROCESSING', now(), 1, '424242', 'visa', NULL, 12, 2030, '0gjOKVq_tgSgdMQE7S0wbL', '4242', NULL, NULL, NULL, NULL) RETURNING ID AS payment \gset
COMMIT;
-- (the acquirer is asked here, with no transaction open)
-- The payment is read again outside the transaction, as EclipseLink does.
SELECT ID, acquirer_reference, AMOUNT, amount_capturable, amount_captured, amount_refunded, authorization_code, capture_mode, challenge_attempts, created_at, CURRENCY, decline_code, DESCRIPTION, merchant_id, metadata, method_type, REFERENCE, STATUS, updated_at, VERSION, card_bin, card_brand, card_country, card_exp_month, card_exp_year, card_fingerprint, card_last4, customer_country, customer_email, customer_id, customer_ip FROM payment WHERE (ID = :payment);
-- Transaction 2: the ledger journal and its postings, the payment's new state, the stored response.
BEGIN;
INSERT INTO ledger_journal (ID, created_at, merchant_id, payment_id, TYPE) VALUES ('jnl_' || lpad(nextval('sqlbench_ids')::text, 32, '0'), now(), :merchant, :payment, 'CAPTURE') RETURNING ID AS journal \gset
INSERT INTO ledger_posting (ID, ACCOUNT, AMOUNT, CURRENCY, merchant_id, journal_id) VALUES ('pst_' || lpad(nextval('sqlbench_ids')::text, 32, '0'), 'ACQUIRER_RECEIVABLE', :amount, 'USD', :merchant, :journal);
INSERT INTO ledger_posting (ID, ACCOUNT, AMOUNT, CURRENCY, merchant_id, journal_id) VALUES ('pst_' || lpad(nextval('sqlbench_ids')::text, 32, '0'), 'MERCHANT_PAYABLE', 0 - :amount, 'USD', :merchant, :journal);
UPDATE payment SET STATUS = 'CAPTURED', updated_at = now(), authorization_code = '711500', acquirer_reference = 'sbx_E49MLVJ7WA2AIGavdYMW', card_country = 'US', amount_capturable = 0, amount_captured = :amount, VERSION = 2 WHERE ((ID = :payment) AND (VERSION = 1));
UPDATE idempotency_record SET completed_at = now(), response_content_type = 'application/json', COMPLETED = true, response_status = 201, response_location = '/api/v1/payments/' || :payment, VERSION = (VERSION + 1), response_body = convert_to(repeat('x', 550), 'UTF8') WHERE ((ID = :idem) AND (completed_at IS NULL));
COMMIT;
