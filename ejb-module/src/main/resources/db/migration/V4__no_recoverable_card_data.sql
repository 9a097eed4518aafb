-- Issue 17, no recoverable card data anywhere.
--
-- Idempotency records kept a plain SHA-256 of the request body, card number and CVC included: with
-- the BIN, last four and expiry of the payment, the middle digits and the CVC came back from one
-- record in under a minute. A record's fingerprint is now an HMAC under a key of its own over a
-- form of the request without the CVC and with the card number as its keyed fingerprint
-- (HmacRequestFingerprinter). The old ones are erased. A record without a fingerprint cannot tell
-- another body from its own: it replays its stored answer to any request with its key, as a retry
-- expects (or answers 409 while its payment is unresolved), and the purge deletes it within 48 hours.
-- New fingerprints are never 64 hex digits (they start with r<version>i<version>.).
alter table idempotency_record alter column request_hash drop not null;
update idempotency_record set request_hash = null where request_hash ~ '^[0-9a-f]{64}$';

-- The fingerprint a merchant sees is derived per merchant; the gateway keeps its own beside it,
-- for risk, and never shows it. The fingerprints stored so far are the gateway's own under key
-- version 1 (data/keys/card-fingerprint.key): they move to the new column with their version, and
-- the migration 4.1 (Java: it needs the keys) derives each merchant's from them and puts those in
-- the stored answers of the idempotency records as well.
alter table payment add column card_internal_fingerprint varchar(64);
update payment set card_internal_fingerprint = 'i1.' || card_fingerprint, card_fingerprint = null
 where card_fingerprint is not null;
