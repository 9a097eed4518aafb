-- Domain events (issue 18). An event is written to the outbox in the same transaction as the
-- change it describes, so it exists if and only if the change committed. A relay on every
-- instance publishes it to the JMS queues after the commit and deletes the row in the
-- transaction that claimed it: the table holds only what is not relayed yet and stays small.
-- data and internal are JSON objects kept as text: nothing queries into them, and text costs
-- PostgreSQL no parsing on the payment path.
create table domain_event_outbox (
    id          varchar(40)  not null primary key,
    type        varchar(40)  not null,
    merchant_id varchar(40),
    subject_id  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    data        text         not null,
    internal    text         not null,
    -- null: every queue; a queue's physical name: that queue only (a dead letter sent back).
    destination varchar(64)
);
-- The relay claims from the primary key: ids begin with their creation time (Ids), so the
-- oldest events come first, `order by id limit n for update skip locked`.

-- Consumers are idempotent by event id: a consumer handles an event only if it can insert this
-- row, in the transaction of its work (EventInbox). A redelivered or re-sent event finds it and is
-- skipped. Rows are kept for tillpoint.events.consumed-retention-hours (48) and then purged;
-- rows arrive in time order, so a BRIN index serves the purge for almost nothing.
create table consumed_event (
    consumer    varchar(40)  not null,
    event_id    varchar(40)  not null,
    consumed_at timestamp with time zone not null,
    primary key (consumer, event_id)
);
create index consumed_event_age on consumed_event using brin (consumed_at);

-- A consumer's failed tries of one event, counted in a transaction of their own (the try itself
-- rolls back, and JMS delivers the message again). Read only on a redelivery.
create table consumer_failure (
    consumer      varchar(40)  not null,
    event_id      varchar(40)  not null,
    attempts      integer      not null,
    last_error    varchar(1000),
    first_failed_at timestamp with time zone not null,
    last_failed_at  timestamp with time zone not null,
    primary key (consumer, event_id)
);

-- Messages a consumer gave up on after tillpoint.events.max-deliveries tries (or could not read
-- at all): kept for operators, listed by GET /api/v1/admin/dead-letters and sent back to their
-- queue by POST /api/v1/admin/dead-letters/{id}/replay (through the outbox, so a replay is
-- relayed like any event).
create table dead_letter (
    id          varchar(40)  not null primary key,
    consumer    varchar(40)  not null,
    queue       varchar(64)  not null,
    event_id    varchar(40),
    event_type  varchar(40),
    merchant_id varchar(40),
    body        text         not null,
    deliveries  integer      not null,
    last_error  varchar(1000),
    dead_at     timestamp with time zone not null,
    replayed_at timestamp with time zone,
    replayed_by varchar(64),
    version     bigint       not null default 1
);
create index dead_letter_newest on dead_letter (dead_at desc, id desc);
