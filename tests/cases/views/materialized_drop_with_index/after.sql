create table public.sales (id bigint, region text, amount numeric);
