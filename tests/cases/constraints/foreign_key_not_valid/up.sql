-- main, share_lock
alter table public.pets add constraint pets_owner FOREIGN KEY (owner_id) REFERENCES public.owners(id) NOT VALID;
