create type public.address as (city text, street text);
create table public.customers (id bigint, home public.address);
