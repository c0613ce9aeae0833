-- main
alter table public.profiles enable row level security;
