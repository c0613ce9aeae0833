-- main
alter function public.series(n integer) rows 1000;
