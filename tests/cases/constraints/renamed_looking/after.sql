create table public.items (id bigint, price numeric, constraint items_price_positive check (price > 0));
