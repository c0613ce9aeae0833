-- main, access_exclusive_lock
alter table public.mentions drop constraint mentions_handle_fkey;
