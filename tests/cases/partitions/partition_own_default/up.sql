-- main, access_exclusive_lock
alter table public.events_2024 alter column kind set default 'legacy'::text;
