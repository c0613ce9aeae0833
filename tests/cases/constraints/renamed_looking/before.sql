create table public.items (id bigint, price numeric, constraint price_ok check (price > 0));
