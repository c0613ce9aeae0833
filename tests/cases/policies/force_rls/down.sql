-- main, weakens_security, access_exclusive_lock
alter table public.profiles no force row level security;
