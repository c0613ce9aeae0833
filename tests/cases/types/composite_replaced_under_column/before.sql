create type public.address as (street text, city text);
create table public.customers (id bigint, home public.address);
create view public.cities as select (home).city from public.customers;
