create domain public.score as integer default 0;
