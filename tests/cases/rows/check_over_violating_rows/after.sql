create table public.items (id bigint primary key, price integer constraint price_positive check (price > 0));
