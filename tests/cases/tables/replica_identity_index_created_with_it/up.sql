-- main, access_exclusive_lock
alter table public.members add constraint creo_not_null_076dae66 check (email is not null) not valid;

-- main, access_exclusive_lock, index_build
alter table public.members add constraint members_email UNIQUE (email);

-- validate
alter table public.members validate constraint creo_not_null_076dae66;

-- post, access_exclusive_lock
alter table public.members alter column email set not null;

-- post, access_exclusive_lock
alter table public.members drop constraint creo_not_null_076dae66;

-- post, access_exclusive_lock
alter table public.members replica identity using index members_email;
