create table public.addresses (id bigint, city text, zip text, country text);
