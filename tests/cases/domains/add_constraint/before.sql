create domain public.percent as numeric;
