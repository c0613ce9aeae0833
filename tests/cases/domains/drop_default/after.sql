create domain public.score as integer;
