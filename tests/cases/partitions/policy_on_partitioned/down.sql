-- main
drop policy events_owner on public.events;

-- main, weakens_security, access_exclusive_lock
alter table public.events disable row level security;
