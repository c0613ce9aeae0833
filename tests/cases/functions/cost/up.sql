-- main
alter function public.slow(x integer) cost 1000;
