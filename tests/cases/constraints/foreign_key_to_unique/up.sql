-- main, share_lock
alter table public.mentions add constraint mentions_handle_fkey FOREIGN KEY (handle) REFERENCES public.users(handle) not valid;

-- validate
alter table public.mentions validate constraint mentions_handle_fkey;
