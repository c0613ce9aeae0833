create table public.orders (id bigint, total numeric);
create function public.no_truncate() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$;
create trigger orders_no_truncate before truncate on public.orders for each statement execute function public.no_truncate();
