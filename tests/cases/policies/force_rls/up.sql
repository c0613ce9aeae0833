-- main, access_exclusive_lock
alter table public.profiles force row level security;
