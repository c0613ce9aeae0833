create type public.address as (street text, zip bigint);
create table public.customers (id bigint, home public.address);
