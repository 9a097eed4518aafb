-- Access control (issue 17): merchants can be suspended and reactivated, API clients revoked,
-- and the token endpoint counts failed secrets per client id in the database, so that every
-- instance sees the same count and the same lock-out.

-- Why a merchant is suspended (or was reactivated), and since when.
alter table merchant add column status_reason varchar(500);
alter table merchant add column status_changed_at timestamp with time zone;

-- A revoked client stays on record (its id is never reused), inactive.
alter table api_client add column revoked_at timestamp with time zone;
alter table api_client add column revoked_reason varchar(500);
create index api_client_merchant on api_client (merchant_id);

-- What every instance keeps in memory and refreshes every 250 ms: the suspended merchants and
-- the revoked clients. Small partial indexes: the refresh reads only those rows.
create index merchant_suspended on merchant (id) where status = 'suspended';
create index api_client_revoked on api_client (client_id) where not active;

-- The change counter of that set: one row, moved on in the same transaction as every suspension,
-- reactivation and revocation. Each instance reads it by primary key every 250 ms and reloads the
-- set only when it moved. A row, not a sequence: a sequence moves before the change commits, so a
-- refresh between the two would read the old set under the new number and keep it.
create table access_change (
    id      integer not null primary key check (id = 1),
    counter bigint  not null
);
insert into access_change (id, counter) values (1, 0);

-- Failed client secrets per client id (known or not: probing unknown ids is limited the same
-- way). One statement per attempt updates a row (INSERT ... ON CONFLICT DO UPDATE): two instances
-- counting the same client at once each add one, without reading first.
create table auth_failure (
    client_id         varchar(64) not null primary key,
    failures          integer     not null check (failures > 0),
    window_started_at timestamp with time zone not null,
    locked_until      timestamp with time zone,
    last_failed_at    timestamp with time zone not null
);

-- The periodic clean-up finds rows whose window and lock-out are over.
create index auth_failure_last_failed on auth_failure (last_failed_at);
