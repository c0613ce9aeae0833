-- main, rewrites_table, access_exclusive_lock
alter table public.things alter column tags type text[] using tags::text[];

-- main
drop type public.tag;

-- main
create type public.tag as enum ('a', 'c');

-- main, rewrites_table, access_exclusive_lock
alter table public.things alter column tags type public.tag[] using tags::public.tag[];
