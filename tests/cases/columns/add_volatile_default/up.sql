-- main, access_exclusive_lock
alter table public.sessions add column token uuid default gen_random_uuid() not null;
