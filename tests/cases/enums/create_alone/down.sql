-- main
drop type public.status;
