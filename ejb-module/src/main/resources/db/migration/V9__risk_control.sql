-- Risk control (issue 18): rules (versioned), blocklists, freezes, reviews, and the short history
-- that the velocity rules count in. Every instance keeps the active rules, blocklist entries and
-- freezes in memory (RiskControl) and reloads them when risk_change moves on.

-- What the payment's risk field shows: the score, the decision and the rules that fired
-- (comma-separated names). Null for payments taken before risk control existed.
alter table payment add column risk_score integer;
alter table payment add column risk_decision varchar(16);
alter table payment add column risk_rules varchar(1000);

-- The change counter of what every instance keeps in memory: one row, moved on in the same
-- transaction as every rule version, blocklist entry, removal, freeze and lift. A row, not a
-- sequence, for the reason access_change gives (V5).
create table risk_change (
    id      integer not null primary key check (id = 1),
    counter bigint  not null
);
insert into risk_change (id, counter) values (1, 0);

-- Rules, one row per version: a change never updates a row, it adds the next version. The
-- current rule is its highest version. parameters is the condition's JSON object (its kind's
-- fields), as the admin API shows it.
create table risk_rule_version (
    rule_id        varchar(40)  not null,
    version        integer      not null check (version > 0),
    name           varchar(64)  not null,
    enabled        boolean      not null,
    sort_order     integer      not null,
    kind           varchar(32)  not null,
    parameters     text         not null,
    score          integer      not null check (score between 0 and 100),
    action         varchar(16)  not null,
    freeze_minutes integer      check (freeze_minutes > 0),
    created_at     timestamp with time zone not null,
    created_by     varchar(64)  not null,
    primary key (rule_id, version)
);

-- Blocklist entries. A removal keeps the row (removed_at), so what was blocked and by whom stays
-- on record. value: the card's internal fingerprint (never shown), a BIN, a canonical IP
-- address, a lower-case email, or a customer id (then merchant_id says whose).
create table risk_blocklist_entry (
    id             varchar(40)  not null primary key,
    kind           varchar(16)  not null,
    value          varchar(320) not null,
    merchant_id    varchar(40),
    card_bin       varchar(6),
    card_last4     varchar(4),
    reason         varchar(500) not null,
    created_at     timestamp with time zone not null,
    created_by     varchar(64)  not null,
    removed_at     timestamp with time zone,
    removed_by     varchar(64),
    removal_reason varchar(500)
);
create index risk_blocklist_active on risk_blocklist_entry (kind, value) where removed_at is null;

-- Freezes of a card (internal fingerprint), a customer (merchant_id + customer id), an IP address
-- or a merchant, until expires_at or until an analyst lifts it with a reason.
create table risk_freeze (
    id            varchar(40)  not null primary key,
    version       bigint       not null,
    subject_kind  varchar(16)  not null,
    subject_value varchar(320) not null,
    merchant_id   varchar(40),
    card_bin      varchar(6),
    payment_id    varchar(40),
    rule_id       varchar(40),
    rule_version  integer,
    rule_name     varchar(64),
    reason        varchar(500) not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(64)  not null,
    expires_at    timestamp with time zone not null,
    lifted_at     timestamp with time zone,
    lifted_by     varchar(64),
    lift_reason   varchar(500)
);
create index risk_freeze_subject on risk_freeze (subject_kind, subject_value, expires_at) where lifted_at is null;
create index risk_freeze_created on risk_freeze (created_at desc, id desc);

-- A payment held for review (in_review) and what an analyst decided. Listing the open reviews
-- reads this small table, not the payments (an index on payment.status would cost every
-- payment update its in-place write, V2_1).
create table risk_review (
    payment_id  varchar(40)  not null primary key references payment (id),
    merchant_id varchar(40)  not null,
    opened_at   timestamp with time zone not null,
    decision    varchar(16),
    decided_at  timestamp with time zone,
    decided_by  varchar(64),
    reason      varchar(500)
);
create index risk_review_open on risk_review (opened_at, payment_id) where decided_at is null;

-- The recent history the velocity rules count in: one row per payment whose authorization
-- outcome is known (approved or declined), written by the risk consumer from the payment's
-- events. No card data: the internal fingerprint and the BIN. Rows older than a day are purged.
create table risk_attempt (
    payment_id       varchar(40)  not null primary key,
    merchant_id      varchar(40)  not null,
    card_fingerprint varchar(64),
    card_bin         varchar(6),
    customer_id      varchar(255),
    customer_ip      varchar(45),
    amount           bigint       not null,
    currency         varchar(3)   not null,
    approved         boolean      not null,
    decline_code     varchar(32),
    attempted_at     timestamp with time zone not null
);
create index risk_attempt_card on risk_attempt (card_fingerprint, attempted_at);
create index risk_attempt_customer on risk_attempt (merchant_id, customer_id, attempted_at);
create index risk_attempt_ip on risk_attempt (customer_ip, attempted_at);
create index risk_attempt_merchant on risk_attempt (merchant_id, attempted_at);
create index risk_attempt_age on risk_attempt using brin (attempted_at);

-- The countries each customer (of a merchant) has paid from, by approved payments: what the
-- new-country rule compares the next payment's country with. Read in the statement that records
-- a payment's attempt, so it costs the payment no round trip.
create table risk_customer_country (
    merchant_id   varchar(40)  not null,
    customer_id   varchar(255) not null,
    country       varchar(2)   not null,
    first_seen_at timestamp with time zone not null,
    primary key (merchant_id, customer_id, country)
);

-- A merchant's usual amounts per currency: the count, mean and sum of squared deviations
-- (Welford) of the natural logarithm of its approved amounts. The in-memory copy says what is
-- "far above the usual range".
create table risk_merchant_amount (
    merchant_id varchar(40)      not null,
    currency    varchar(3)       not null,
    payments    bigint           not null,
    log_mean    double precision not null,
    log_m2      double precision not null,
    updated_at  timestamp with time zone not null,
    primary key (merchant_id, currency)
);

-- The default rules, version 1, by the gateway itself.
insert into risk_rule_version (rule_id, version, name, enabled, sort_order, kind, parameters, score, action,
        freeze_minutes, created_at, created_by) values
('rul_default01', 1, 'country_mismatch', true, 10, 'country_mismatch',
 '{"thresholds":{"USD":50000,"EUR":50000,"GBP":40000,"CAD":70000,"AUD":75000,"CHF":50000,"JPY":75000,"BRL":250000}}',
 40, 'review', null, now(), 'tillpoint'),
('rul_default02', 1, 'amount_above_limit', true, 20, 'amount_above',
 '{"limits":{"USD":1000000,"EUR":1000000,"GBP":800000,"CAD":1400000,"AUD":1500000,"CHF":1000000,"JPY":150000000,"BRL":5000000}}',
 50, 'review', null, now(), 'tillpoint'),
('rul_default03', 1, 'amount_unusual_for_merchant', true, 30, 'amount_unusual',
 '{"deviations":4,"min_payments":30}', 40, 'review', null, now(), 'tillpoint'),
('rul_default04', 1, 'new_country_for_customer', true, 40, 'new_country',
 '{}', 30, 'step_up', null, now(), 'tillpoint'),
('rul_default05', 1, 'failure_streak_card', true, 100, 'failure_streak',
 '{"subject":"card","declines":3,"window_minutes":10}', 80, 'freeze', 30, now(), 'tillpoint'),
('rul_default06', 1, 'failure_streak_customer', true, 110, 'failure_streak',
 '{"subject":"customer","declines":5,"window_minutes":10}', 80, 'freeze', 30, now(), 'tillpoint'),
('rul_default07', 1, 'failure_streak_ip', true, 120, 'failure_streak',
 '{"subject":"ip","declines":10,"window_minutes":10}', 80, 'freeze', 30, now(), 'tillpoint'),
('rul_default08', 1, 'card_testing_ip', true, 130, 'card_testing',
 '{"subject":"ip","attempts":10,"distinct_cards":5,"small_amounts":{"USD":500,"EUR":500,"GBP":500,"CAD":700,"AUD":800,"CHF":500,"JPY":800,"BRL":2500},"window_minutes":10,"min_decline_ratio":0}',
 90, 'freeze', 60, now(), 'tillpoint'),
('rul_default09', 1, 'card_testing_merchant', true, 140, 'card_testing',
 '{"subject":"merchant","attempts":50,"distinct_cards":30,"small_amounts":{"USD":500,"EUR":500,"GBP":500,"CAD":700,"AUD":800,"CHF":500,"JPY":800,"BRL":2500},"window_minutes":10,"min_decline_ratio":0.5}',
 90, 'freeze', 60, now(), 'tillpoint');
