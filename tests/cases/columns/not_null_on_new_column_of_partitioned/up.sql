-- main, access_exclusive_lock
alter table public.readings add column source text default 'sensor'::text not null;
