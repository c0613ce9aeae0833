-- main, access_exclusive_lock
alter table public.notes add column body text;
