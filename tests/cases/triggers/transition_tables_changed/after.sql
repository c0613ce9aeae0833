create table public.orders (id bigint, total numeric);
create function public.audit_changes() returns trigger language plpgsql as $$ begin return null; end $$;
create trigger orders_audit after update on public.orders referencing old table as old_rows new table as new_rows for each statement execute function public.audit_changes();
