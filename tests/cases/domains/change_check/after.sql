create domain public.positive_int as integer constraint positive_int_check check (value >= 0);
