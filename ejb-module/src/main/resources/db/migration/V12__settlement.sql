-- Settlement (issue 19). A run settles, per merchant and currency, every capture and refund journal
-- written before its cut-off that no earlier run settled; each settled journal is a row of
-- settlement_item whose primary key IS the journal it settles, so the database itself refuses to
-- settle a transaction twice, whatever the code does. The settlement's own journals (SETTLEMENT,
-- PAYOUT) name the settlement in ledger_journal.settles, unique per type: one of each per settlement.

alter table ledger_journal add column settles varchar(40);
create unique index ledger_journal_settles on ledger_journal (settles, type) where settles is not null;

-- One run per cut-off. lease_until is the database lease of the instance working on it (renewed by
-- every chunk): when it runs out (the instance died), any instance's schedule takes the run over.
create table settlement_run (
    id            varchar(40)  not null primary key,
    cutoff        timestamp with time zone not null unique,
    status        varchar(16)  not null,
    requested_by  varchar(64)  not null,
    requested_at  timestamp with time zone not null,
    owner         varchar(80),
    lease_until   timestamp with time zone,
    execution_id  bigint,
    attempts      integer      not null default 0,
    started_at    timestamp with time zone,
    completed_at  timestamp with time zone,
    failure       varchar(500)
);

create index settlement_run_open on settlement_run (cutoff) where status <> 'completed';

create table settlement (
    id                varchar(40)  not null primary key,
    run_id            varchar(40)  not null references settlement_run (id),
    merchant_id       varchar(40)  not null references merchant (id),
    currency          varchar(3)   not null,
    period_start      timestamp with time zone not null,
    period_end        timestamp with time zone not null,
    gross             bigint       not null,
    refunds           bigint       not null,
    fees              bigint       not null,
    transaction_count integer      not null,
    status            varchar(16)  not null,
    carried_in        bigint,
    payout_amount     bigint,
    journal_id        varchar(40),
    created_at        timestamp with time zone not null,
    completed_at      timestamp with time zone,
    unique (run_id, merchant_id, currency)
);

create index settlement_merchant on settlement (merchant_id, period_end desc, id desc);

create table settlement_item (
    journal_id    varchar(40)  not null primary key references ledger_journal (id),
    settlement_id varchar(40)  not null references settlement (id),
    kind          varchar(8)   not null,
    payment_id    varchar(40)  not null,
    amount        bigint       not null check (amount > 0),
    fee           bigint       not null check (fee >= 0),
    occurred_at   timestamp with time zone not null
);

create index settlement_item_settlement on settlement_item (settlement_id, journal_id);

-- A payout instruction (pain.001) per settlement whose merchant is owed money after it.
create table payout (
    id            varchar(40)  not null primary key,
    settlement_id varchar(40)  not null unique references settlement (id),
    merchant_id   varchar(40)  not null,
    currency      varchar(3)   not null,
    amount        bigint       not null check (amount > 0),
    journal_id    varchar(40)  not null,
    created_at    timestamp with time zone not null
);

create trigger settlement_item_append_only before update or delete on settlement_item
    for each row execute function tillpoint_ledger_append_only();
