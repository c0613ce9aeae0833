-- main, index_dropped, access_exclusive_lock
alter table public.members drop constraint members_email;

-- main, access_exclusive_lock
alter table public.members replica identity default;

-- main, access_exclusive_lock
alter table public.members alter column email drop not null;
