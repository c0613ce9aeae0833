-- main, rewrites_table, access_exclusive_lock
alter table public.bands alter column span type text using span::text;

-- main
drop type public.floatrange;

-- main
create type public.floatrange as range (subtype = double precision);

-- main, rewrites_table, access_exclusive_lock
alter table public.bands alter column span type public.floatrange using span::public.floatrange;
