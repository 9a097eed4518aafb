-- Ledger rows are append-only: the database itself refuses UPDATE and DELETE.
create or replace function tillpoint_ledger_append_only() returns trigger as $$
begin
    raise exception 'ledger rows are append-only (% on %)', tg_op, tg_table_name;
end;
$$ language plpgsql;

create trigger ledger_journal_append_only before update or delete on ledger_journal
    for each row execute function tillpoint_ledger_append_only();

create trigger ledger_posting_append_only before update or delete on ledger_posting
    for each row execute function tillpoint_ledger_append_only();
