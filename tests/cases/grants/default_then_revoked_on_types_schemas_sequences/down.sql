-- main, deletes_data, access_exclusive_lock
drop table public.t;

-- main, deletes_data
drop sequence public.s;

-- main
drop domain public.d;

-- main
drop type public.e;

-- main
drop schema s2;
