create table public.orders (id bigint, total integer);
create function public.noop() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger orders_big before update on public.orders for each row when (new.total > 100) execute function public.noop();
