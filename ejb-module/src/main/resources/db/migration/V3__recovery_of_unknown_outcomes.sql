-- Work the gateway still owes the acquirer, until the acquirer's answer is on record: an
-- authorization whose answer has not arrived (or whose instance died before recording it), and
-- the captures, voids, refunds and reversals sent to it. A row is the durable record that the
-- recovery job works from; it is deleted in the transaction that records the answer, so the
-- table holds only open work and stays small. Claims move due_at forward (a lease): an instance
-- that dies while it works on a row leaves it due again once the lease has run out.
create table acquirer_follow_up (
    id                    varchar(40)  not null primary key,
    kind                  varchar(16)  not null,
    payment_id            varchar(40)  not null,
    refund_id             varchar(40),
    amount                bigint,
    currency              varchar(3),
    idempotency_record_id varchar(330),
    attempts              integer      not null,
    due_at                timestamp with time zone not null,
    last_outcome          varchar(64),
    created_at            timestamp with time zone not null
);

-- The recovery job's only way in: the due rows, oldest first.
create index acquirer_follow_up_due on acquirer_follow_up (due_at);

-- One capture or void in flight per payment, whichever instance takes it.
create unique index acquirer_follow_up_one_change on acquirer_follow_up (payment_id)
    where kind in ('CAPTURE', 'VOID');

-- A refund is asked for first and succeeds or fails on the acquirer's answer; until then its
-- amount is set aside, so that refunds in flight never add up to more than the capture.
alter table payment add column amount_refund_pending bigint not null default 0
    check (amount_refund_pending >= 0);
alter table payment add constraint payment_refunds_within_capture
    check (amount_refunded + amount_refund_pending <= amount_captured);
alter table refund add column failure_code varchar(32);
alter table refund add column updated_at timestamp with time zone;
update refund set updated_at = created_at;
alter table refund alter column updated_at set not null;

-- The sandbox acquirer's own memory of what it decided, as an acquirer keeps its records: it
-- answers inquiries from it, and a drill compares it with the payments. Written behind its
-- answers in small batches (see SandboxJournal).
create table sandbox_acquirer_record (
    operation_id       varchar(40) not null primary key,
    kind               varchar(16) not null,
    payment_id         varchar(40) not null,
    outcome            varchar(16) not null,
    decline_code       varchar(32),
    authorization_code varchar(12),
    acquirer_reference varchar(64),
    issuer_country     varchar(2),
    refuses_refunds    boolean     not null,
    amount             bigint,
    currency           varchar(3),
    recorded_at        timestamp with time zone not null
);

create index sandbox_acquirer_record_payment on sandbox_acquirer_record (payment_id);
