-- main, access_exclusive_lock
alter table public.items add column category text default 'misc'::text not null;
