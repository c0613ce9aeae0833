create domain public.percent as numeric constraint percent_range check (value between 0 and 100);
