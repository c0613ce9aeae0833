-- main, share_lock
alter table public.events add constraint events_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
