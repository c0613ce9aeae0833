-- main, access_exclusive_lock
alter table public.pets drop constraint pets_owner_code_fkey;

-- main, share_lock
alter table public.pets add constraint pets_owner_code_fkey FOREIGN KEY (owner_code) REFERENCES public.owners(code) ON UPDATE CASCADE not valid;

-- validate
alter table public.pets validate constraint pets_owner_code_fkey;
