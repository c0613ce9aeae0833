-- main, access_exclusive_lock
alter table public.pets drop constraint pets_owner;
