-- main
drop function public.first_of(xs anyarray);
