create table public.orders (id bigint, total numeric);
create table public.order_log (at timestamptz default now());
create function public.log_orders() returns trigger language plpgsql as $$ begin insert into public.order_log default values; return null; end $$;
