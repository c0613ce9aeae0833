-- main, access_exclusive_lock
alter table public.sessions add column created_at timestamp with time zone default now() not null;
