-- main, access_exclusive_lock
alter table public.logs drop constraint logs_actor;

-- main, share_lock
alter table public.logs add constraint logs_actor FOREIGN KEY (actor) REFERENCES public.admins(id) not valid;

-- validate
alter table public.logs validate constraint logs_actor;
