-- main, access_exclusive_lock
alter table public.items add constraint creo_not_null_94833613 check (name is not null) not valid;

-- validate
alter table public.items validate constraint creo_not_null_94833613;

-- post, access_exclusive_lock
alter table public.items alter column name set not null;

-- post, access_exclusive_lock
alter table public.items drop constraint creo_not_null_94833613;
