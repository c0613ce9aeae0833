-- main, access_exclusive_lock
alter table public.events alter column id set generated always;
