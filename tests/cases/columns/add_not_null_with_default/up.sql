-- main, access_exclusive_lock
alter table public.items add column active boolean default true not null;
