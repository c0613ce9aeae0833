create table public.base (id bigint, amount numeric, constraint positive check (amount > 0) no inherit);
