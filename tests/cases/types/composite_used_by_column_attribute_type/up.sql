-- main, rewrites_table, access_exclusive_lock
alter table public.customers alter column home type text using home::text;

-- main
drop type public.address;

-- main
create type public.address as (street text, zip bigint);

-- main, rewrites_table, access_exclusive_lock
alter table public.customers alter column home type public.address using home::public.address;
