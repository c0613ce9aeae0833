create table public.products (id bigint primary key, price numeric check (price >= 0));
