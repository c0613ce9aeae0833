create table public.orders (id bigint, total numeric);
create function public.audit() returns trigger language plpgsql security definer set search_path = '' as $$ begin return new; end $$;
create trigger orders_audit before insert on public.orders for each row execute function public.audit();
