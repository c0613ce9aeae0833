-- main
alter domain public.score set default 0;
