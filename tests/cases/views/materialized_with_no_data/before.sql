create table public.sales (id bigint, amount numeric);
