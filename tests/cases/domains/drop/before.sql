create domain public.positive_int as integer check (value > 0);
