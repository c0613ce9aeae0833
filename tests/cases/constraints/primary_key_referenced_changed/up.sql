-- main
alter index public.teams_pkey set (fillfactor=80);
