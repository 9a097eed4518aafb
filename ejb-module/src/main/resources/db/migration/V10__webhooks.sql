-- Webhooks (issue 18): the endpoints merchants register, and one delivery per event and endpoint,
-- which is the durable record the senders work from.

-- A merchant's endpoint: where to POST, which of the eight merchant-visible events, and the
-- signing secret, sealed (AES-256-GCM under a key of the data folder, bound to the endpoint's id):
-- the gateway must sign with it, so it cannot be a hash. After a rotation the previous secret
-- still signs until previous_secret_expires_at (24 h), so a delivery then carries two v1= values.
create table webhook_endpoint (
    id                         varchar(40)   not null primary key,
    version                    bigint        not null,
    merchant_id                varchar(40)   not null references merchant (id),
    url                        varchar(2048) not null,
    events                     varchar(500)  not null,
    secret_version             integer       not null check (secret_version >= 1),
    secret_sealed              varchar(200)  not null,
    previous_secret_sealed     varchar(200),
    previous_secret_expires_at timestamp with time zone,
    created_at                 timestamp with time zone not null,
    updated_at                 timestamp with time zone not null,
    check ((previous_secret_sealed is null) = (previous_secret_expires_at is null))
);

-- The fan-out reads a merchant's endpoints for every event; the list reads them newest first.
create index webhook_endpoint_merchant on webhook_endpoint (merchant_id, created_at desc, id desc);

-- One delivery of one event to one endpoint, with its attempts. While it is pending,
-- next_attempt_at is when it is due; a sender's claim moves it to the end of a lease (FOR UPDATE
-- SKIP LOCKED), so no two senders have it at once, and one that dies leaves it due again. It is
-- null once the delivery succeeded or was given up (24 h of retries).
create table webhook_delivery (
    id                    varchar(40)  not null primary key,
    version               bigint       not null,
    endpoint_id           varchar(40)  not null references webhook_endpoint (id),
    merchant_id           varchar(40)  not null,
    event_id              varchar(64)  not null,
    event_type            varchar(40)  not null,
    body                  text         not null,
    status                varchar(16)  not null check (status in ('pending', 'succeeded', 'failed')),
    attempts              integer      not null check (attempts >= 0),
    next_attempt_at       timestamp with time zone,
    last_attempt_at       timestamp with time zone,
    last_response_status  integer,
    last_response_excerpt varchar(200),
    last_error            varchar(200),
    redelivery_of         varchar(40)  references webhook_delivery (id),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    check ((status = 'pending') = (next_attempt_at is not null))
);

-- An event reaches an endpoint once, however often the broker hands it over (a manual
-- redelivery is a delivery of its own, which names the one it repeats).
create unique index webhook_delivery_once on webhook_delivery (endpoint_id, event_id) where redelivery_of is null;

-- The senders' only way in: the pending deliveries by when they are due.
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';

-- The delivery log of an endpoint, newest first.
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at desc, id desc);
