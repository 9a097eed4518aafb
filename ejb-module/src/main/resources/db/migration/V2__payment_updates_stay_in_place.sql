-- A payment row is updated at least once right after it is written (the acquirer's answer).
-- The (status, updated_at) index made every such update write a new entry into each of the
-- payment's four indexes (an indexed column changed). Nothing reads through it: listing a
-- merchant's payments by status uses payment_merchant_created. Without it, no indexed column
-- of a payment ever changes, and PostgreSQL can update the row in place (a HOT update).
-- The recovery of unfinished payments brings the index it needs with it.
drop index payment_status_updated;
