create table public.orders (id bigint, total numeric);
create function public.noop() returns trigger language plpgsql as $$ begin return new; end $$;
