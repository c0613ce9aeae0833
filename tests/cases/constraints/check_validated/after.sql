create table public.payments (id bigint, amount numeric, constraint payments_positive check (amount > 0));
