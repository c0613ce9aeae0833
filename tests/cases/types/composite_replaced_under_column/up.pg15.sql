-- main
drop view public.cities;

-- main, rewrites_table, access_exclusive_lock
alter table public.customers alter column home type text using home::text;

-- main
drop type public.address;

-- main
create type public.address as (street text, city character varying(80));

-- main, rewrites_table, access_exclusive_lock
alter table public.customers alter column home type public.address using home::public.address;

-- main
create view public.cities as
SELECT (customers.home).city AS city
   FROM public.customers;
