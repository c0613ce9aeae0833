create type public.address as (street text, zip integer);
create table public.customers (id bigint, home public.address);
