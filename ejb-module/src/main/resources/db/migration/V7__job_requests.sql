-- An operator's request to start a batch job, recorded with its audit entry and the answer kept for
-- its idempotency key in ONE transaction. JBatch must start jobs outside a transaction (Payara
-- #5133), so the start itself follows the commit; the row is what makes it durable: the instance
-- that took the request starts the job at once, and when it dies first, any instance's recovery
-- timer finds the row (execution_id still null) and starts it. start_claimed_at is a short lease
-- so that two instances do not start the same request at the same moment.
create table job_request (
    id               varchar(40)  not null primary key,
    job              varchar(64)  not null,
    parameters       jsonb        not null,
    requested_by     varchar(64)  not null,
    requested_at     timestamp with time zone not null,
    start_claimed_at timestamp with time zone,
    execution_id     bigint,
    started_at       timestamp with time zone
);

-- What is left to start: only rows not started yet are in this index, so the sweep is a short scan.
create index job_request_unstarted on job_request (requested_at) where execution_id is null;
