-- main, access_exclusive_lock
alter table public.pets drop constraint pets_owner_id_fkey;

-- main, share_lock
alter table public.pets add constraint pets_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.owners(id) ON DELETE SET DEFAULT not valid;

-- validate
alter table public.pets validate constraint pets_owner_id_fkey;
