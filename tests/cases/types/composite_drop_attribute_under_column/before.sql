create type public.address as (street text, city text, country text);
create table public.customers (id bigint, home public.address);
