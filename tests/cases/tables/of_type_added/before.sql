create type public.address as (street text, city text);
create table public.addresses (street text, city text);
