-- main, access_exclusive_lock
alter table public.items add constraint creo_not_null_6cd51842 check (price is not null) not valid;

-- validate
alter table public.items validate constraint creo_not_null_6cd51842;

-- post, access_exclusive_lock
alter table public.items alter column price set not null;

-- post, access_exclusive_lock
alter table public.items drop constraint creo_not_null_6cd51842;
