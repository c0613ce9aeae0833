create table public.orders (id bigint, total numeric);
create table public.order_log (at timestamptz default now());
create function public.log_orders() returns trigger language plpgsql as $$ begin insert into public.order_log default values; return null; end $$;
create trigger orders_logged after insert or update or delete on public.orders for each statement execute function public.log_orders();
