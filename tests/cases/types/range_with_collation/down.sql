-- main
drop type public.textrange;
