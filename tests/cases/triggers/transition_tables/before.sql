create table public.orders (id bigint, total numeric);
create table public.order_totals (n bigint);
create function public.count_new() returns trigger language plpgsql as $$ begin insert into public.order_totals select count(*) from new_rows; return null; end $$;
