-- main
drop type public.floatrange;
