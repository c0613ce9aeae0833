-- main
drop function public.b();

-- main
drop function public.a();

-- main, deletes_data, access_exclusive_lock
alter table public.t drop column extra;

-- main
drop function public.mk();

-- main
drop function public.n();

-- main
drop function public.z();

-- main
drop view public.v;

-- main, deletes_data
drop sequence public.s;

-- main
drop type public.pair;
