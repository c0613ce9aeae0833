-- main
drop function public.total(VARIADIC xs numeric[]);
