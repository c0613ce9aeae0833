create table public.base (id bigint, amount numeric);
