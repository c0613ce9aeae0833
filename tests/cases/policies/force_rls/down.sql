-- main, weakens_security
alter table public.profiles no force row level security;
