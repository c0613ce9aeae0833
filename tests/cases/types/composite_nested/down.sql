-- main, deletes_data, access_exclusive_lock
drop table public.drawings;

-- main
drop type public.segment;

-- main
drop type public.point2;
