-- main
alter index public.teams_pkey reset (fillfactor);
