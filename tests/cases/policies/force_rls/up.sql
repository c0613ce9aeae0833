-- main
alter table public.profiles force row level security;
