create table public.payments (id bigint, amount numeric);
