-- The audit trail of administrative actions: who did what to which object, from where, with the
-- object's state before and after (masked: never a secret or a card number). Written in the same
-- transaction as the action; append-only, as the ledger is (V1_1): the database itself refuses
-- UPDATE and DELETE.
create table audit_entry (
    id           varchar(40)  not null primary key,
    occurred_at  timestamp with time zone not null,
    actor_type   varchar(16)  not null,
    actor_id     varchar(64)  not null,
    action       varchar(64)  not null,
    target_type  varchar(32)  not null,
    target_id    varchar(64)  not null,
    origin_ip    varchar(45),
    request_id   varchar(64),
    before_state jsonb,
    after_state  jsonb
);

-- Newest first, with or without a filter on the actor or the action (the API's list).
create index audit_entry_time on audit_entry (occurred_at desc, id desc);
create index audit_entry_actor_time on audit_entry (actor_id, occurred_at desc, id desc);
create index audit_entry_action_time on audit_entry (action, occurred_at desc, id desc);
create index audit_entry_target on audit_entry (target_type, target_id);

create or replace function tillpoint_audit_append_only() returns trigger as $$
begin
    raise exception 'audit entries are append-only (% on %)', tg_op, tg_table_name;
end;
$$ language plpgsql;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function tillpoint_audit_append_only();

-- TRUNCATE is no row operation: refuse it too.
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function tillpoint_audit_append_only();
