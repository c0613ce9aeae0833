create domain public.label as varchar(50);
