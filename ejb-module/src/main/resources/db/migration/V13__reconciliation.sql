-- Reconciliation (issue 19): a day's clearing file from the acquirer matched with our captures and
-- refunds; each mismatch is an exception an operator resolves with a reason (audit-logged).
create table reconciliation_run (
    id               varchar(40)  not null primary key,
    day              date         not null,
    merchant_id      varchar(40),
    status           varchar(16)  not null,
    requested_by     varchar(64)  not null,
    requested_at     timestamp with time zone not null,
    execution_id     bigint,
    file_rows        integer      not null default 0,
    our_transactions integer      not null default 0,
    exceptions       integer      not null default 0,
    failure          varchar(500),
    completed_at     timestamp with time zone
);

create table reconciliation_exception (
    id                   varchar(40)  not null primary key,
    version              bigint       not null,
    run_id               varchar(40)  not null references reconciliation_run (id),
    day                  date         not null,
    kind                 varchar(24)  not null,
    merchant_id          varchar(40),
    acquirer_reference   varchar(64)  not null,
    payment_id           varchar(40),
    type                 varchar(8)   not null,
    our_amount           bigint,
    our_currency         varchar(3),
    their_amount         bigint,
    their_currency       varchar(3),
    their_transaction_id varchar(64),
    status               varchar(16)  not null,
    resolved_by          varchar(64),
    resolution           varchar(500),
    resolved_at          timestamp with time zone,
    created_at           timestamp with time zone not null
);

create index reconciliation_exception_list on reconciliation_exception (status, id);
create index reconciliation_exception_run on reconciliation_exception (run_id, id);
create index payment_acquirer_reference on payment (acquirer_reference) where acquirer_reference is not null;
