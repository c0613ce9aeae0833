-- main
alter table public.a drop constraint a_b;

-- main
alter table public.b drop constraint b_c;

-- main, deletes_data, access_exclusive_lock
drop table public.b;

-- main
alter table public.c drop constraint c_a_id_fkey;

-- main, deletes_data, access_exclusive_lock
drop table public.a;

-- main, deletes_data, access_exclusive_lock
drop table public.c;
