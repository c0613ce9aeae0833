-- main, access_exclusive_lock
alter table public.pets drop constraint pets_owner_id_fkey;

-- main, deletes_data, access_exclusive_lock
alter table public.pets drop column owner_id;
