create table public.orders (id bigint, total numeric);
create function public.noop() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger orders_noop before insert on public.orders for each row execute function public.noop();
alter table public.orders disable trigger orders_noop;
