-- main, access_exclusive_lock
alter table public.b drop constraint b_a_id_fkey;

-- main, share_lock
alter table public.b add constraint b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);
