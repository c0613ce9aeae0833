-- main, weakens_security
alter table public.profiles disable row level security;
