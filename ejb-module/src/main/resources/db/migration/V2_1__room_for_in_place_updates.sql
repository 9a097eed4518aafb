-- Room on each page for the new version of a row that is updated soon after it is written
-- (a payment by the acquirer's answer, an idempotency record by the stored response), so that
-- PostgreSQL can keep it on the same page without touching the indexes (a HOT update).
-- Applies to pages written from now on.
alter table payment set (fillfactor = 80);
alter table idempotency_record set (fillfactor = 80);
