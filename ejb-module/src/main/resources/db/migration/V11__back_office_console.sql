-- The back-office console (issue 21): its users' sign-in state, the addresses they signed in from,
-- refunds that wait for a second person's approval, the dashboard's hourly summaries and the
-- indexes the payment search needs.

-- Console users: a role of five, a lock-out after repeated wrong passwords, enabled or not.
alter table console_user add column display_name varchar(100);
alter table console_user add column enabled boolean not null default true;
alter table console_user add column failed_sign_ins integer not null default 0;
alter table console_user add column locked_until timestamp with time zone;
alter table console_user add column last_sign_in_at timestamp with time zone;
alter table console_user add column last_sign_in_ip varchar(45);
alter table console_user add constraint console_user_role
    check (role in ('admin', 'operator', 'risk_analyst', 'finance', 'support'));

-- Every address a console user signed in from: the first sign-in from one is a "new address"
-- sign-in, shown to the user (until seen) and to admins.
create table console_sign_in_origin (
    username      varchar(64) not null references console_user (username),
    ip            varchar(45) not null,
    first_seen_at timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    sign_ins      integer     not null,
    seen_by_user  boolean     not null,
    primary key (username, ip)
);
create index console_sign_in_origin_first on console_sign_in_origin (first_seen_at desc);

-- A refund above the configured amount asked for in the console waits here for a second
-- person's approval (four eyes); the refund itself is asked of the acquirer on approval.
create table refund_approval (
    id           varchar(40)  not null primary key,
    version      bigint       not null,
    payment_id   varchar(40)  not null references payment (id),
    merchant_id  varchar(40)  not null,
    amount       bigint       not null check (amount > 0),
    currency     varchar(3)   not null,
    reason       varchar(500) not null,
    status       varchar(16)  not null check (status in ('requested', 'approved', 'rejected')),
    requested_by varchar(64)  not null,
    requested_at timestamp with time zone not null,
    decided_by   varchar(64),
    decided_at   timestamp with time zone,
    decision_reason varchar(500),
    refund_id    varchar(40),
    check (decided_by is null or decided_by <> requested_by)
);
create index refund_approval_open on refund_approval (requested_at) where status = 'requested';
create index refund_approval_payment on refund_approval (payment_id);

-- The dashboard reads hourly summaries, never the payments: one row per hour, merchant,
-- currency, outcome and decline code. A refresher rebuilds the recent hours from the payments
-- (created_at index below) every minute; older hours stay as they were written.
create table payment_stats_hourly (
    hour         timestamp with time zone not null,
    merchant_id  varchar(40) not null,
    currency     varchar(3)  not null,
    outcome      varchar(16) not null,
    decline_code varchar(32) not null,
    payments     bigint      not null,
    amount       bigint      not null,
    primary key (hour, merchant_id, currency, outcome, decline_code)
);
create table refund_stats_hourly (
    hour        timestamp with time zone not null,
    merchant_id varchar(40) not null,
    currency    varchar(3)  not null,
    refunds     bigint      not null,
    amount      bigint      not null,
    primary key (hour, merchant_id, currency)
);
create index refund_created on refund (created_at);

-- The console's payment search across merchants: newest first, by reference, by card's last
-- four. Columns that never change after the insert, so a payment's updates stay in place (V2).
create index payment_created on payment (created_at desc, id desc);
create index payment_reference on payment (reference) where reference is not null;
create index payment_last4_created on payment (card_last4, created_at desc);
create index webhook_delivery_merchant_created on webhook_delivery (merchant_id, created_at);
