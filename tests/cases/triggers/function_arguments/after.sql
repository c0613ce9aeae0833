create table public.orders (id bigint, total numeric);
create function public.tagged() returns trigger language plpgsql as $$ begin raise notice '%', tg_argv[0]; return new; end $$;
create trigger orders_tagged before insert on public.orders for each row execute function public.tagged('b', 'c');
