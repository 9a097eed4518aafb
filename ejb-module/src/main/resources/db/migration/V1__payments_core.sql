-- Payments core: merchants, API clients, console users, payments, refunds,
-- the double-entry ledger and idempotency records. Runs on H2 and PostgreSQL.

create table merchant (
    id               varchar(40)  not null primary key,
    version          bigint       not null,
    name             varchar(200) not null,
    country          varchar(2)   not null,
    default_currency varchar(3)   not null,
    fee_percent_bps  integer      not null,
    fee_fixed        bigint       not null,
    status           varchar(16)  not null,
    created_at       timestamp with time zone not null
);

create table api_client (
    client_id   varchar(64)  not null primary key,
    version     bigint       not null,
    secret_hash varchar(255) not null,
    role        varchar(32)  not null,
    merchant_id varchar(40)  references merchant (id),
    active      boolean      not null,
    created_at  timestamp with time zone not null
);

create table console_user (
    username      varchar(64)  not null primary key,
    version       bigint       not null,
    password_hash varchar(255) not null,
    role          varchar(32)  not null,
    created_at    timestamp with time zone not null
);

create table payment (
    id                 varchar(40)   not null primary key,
    version            bigint        not null,
    merchant_id        varchar(40)   not null references merchant (id),
    status             varchar(32)   not null,
    amount             bigint        not null check (amount > 0),
    currency           varchar(3)    not null,
    amount_capturable  bigint        not null check (amount_capturable >= 0),
    amount_captured    bigint        not null check (amount_captured >= 0),
    amount_refunded    bigint        not null check (amount_refunded >= 0 and amount_refunded <= amount_captured),
    capture_mode       varchar(16)   not null,
    reference          varchar(255),
    description        varchar(1000),
    metadata           varchar(40000),
    customer_id        varchar(255),
    customer_email     varchar(320),
    customer_ip        varchar(45),
    customer_country   varchar(2),
    method_type        varchar(16)   not null,
    card_brand         varchar(16),
    card_bin           varchar(6),
    card_last4         varchar(4),
    card_exp_month     integer,
    card_exp_year      integer,
    card_country       varchar(2),
    card_fingerprint   varchar(64),
    decline_code       varchar(32),
    acquirer_reference varchar(64),
    authorization_code varchar(12),
    challenge_attempts integer       not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);

create index payment_merchant_created on payment (merchant_id, created_at desc, id desc);
create index payment_merchant_reference on payment (merchant_id, reference);
create index payment_status_updated on payment (status, updated_at);

create table refund (
    id          varchar(40)  not null primary key,
    version     bigint       not null,
    payment_id  varchar(40)  not null references payment (id),
    merchant_id varchar(40)  not null references merchant (id),
    amount      bigint       not null check (amount > 0),
    currency    varchar(3)   not null,
    status      varchar(16)  not null,
    reason      varchar(255),
    created_at  timestamp with time zone not null
);

create index refund_payment on refund (payment_id, created_at);

create table ledger_journal (
    id          varchar(40) not null primary key,
    type        varchar(32) not null,
    merchant_id varchar(40) not null,
    payment_id  varchar(40),
    created_at  timestamp with time zone not null
);

create index ledger_journal_payment on ledger_journal (payment_id);

create table ledger_posting (
    id          varchar(40) not null primary key,
    journal_id  varchar(40) not null references ledger_journal (id),
    account     varchar(40) not null,
    merchant_id varchar(40) not null,
    currency    varchar(3)  not null,
    amount      bigint      not null check (amount <> 0)
);

create index ledger_posting_journal on ledger_posting (journal_id);
create index ledger_posting_account on ledger_posting (merchant_id, account, currency);

create table idempotency_record (
    id                    varchar(330) not null primary key,
    version               bigint       not null,
    owner_id              varchar(64)  not null,
    idem_key              varchar(255) not null,
    request_hash          varchar(64)  not null,
    completed             boolean      not null,
    response_status       integer,
    response_content_type varchar(100),
    response_location     varchar(500),
    response_body         bytea,
    created_at            timestamp with time zone not null,
    completed_at          timestamp with time zone
);

create index idempotency_record_created on idempotency_record (created_at);
