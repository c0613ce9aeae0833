-- main, access_exclusive_lock
alter table public.events drop constraint events_user_id_fkey;
