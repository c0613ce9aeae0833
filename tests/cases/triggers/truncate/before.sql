create table public.orders (id bigint, total numeric);
create function public.no_truncate() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$;
