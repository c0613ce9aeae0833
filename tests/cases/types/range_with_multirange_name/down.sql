-- main
drop type public.daterange2;
