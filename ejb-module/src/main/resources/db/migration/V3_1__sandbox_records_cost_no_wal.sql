-- The sandbox's records are a simulator's memory, not the gateway's books: they need to outlive
-- the gateway's process (a kill -9), not a crash of PostgreSQL itself. Unlogged, they cost no
-- write-ahead log, and without the second index one B-tree per record: the payment path pays
-- for the sandbox as little as a remote acquirer would cost it. Lookups are by operation id
-- (the primary key); a drill's queries by payment scan a table it made.
drop index sandbox_acquirer_record_payment;
alter table sandbox_acquirer_record set unlogged;

-- A reversal owed for an approval that came late names the authorization it releases.
alter table acquirer_follow_up add column acquirer_reference varchar(64);
