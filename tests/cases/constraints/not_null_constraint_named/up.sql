-- main, access_exclusive_lock
alter table public.users add constraint creo_not_null_8ca2fcb2 check (email is not null) not valid;

-- validate
alter table public.users validate constraint creo_not_null_8ca2fcb2;

-- post, access_exclusive_lock
alter table public.users alter column email set not null;

-- post, access_exclusive_lock
alter table public.users drop constraint creo_not_null_8ca2fcb2;
