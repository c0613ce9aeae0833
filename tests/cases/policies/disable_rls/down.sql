-- main, access_exclusive_lock
alter table public.profiles enable row level security;
