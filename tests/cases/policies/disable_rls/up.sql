-- main, weakens_security, access_exclusive_lock
alter table public.profiles disable row level security;
