create domain public.positive as integer check (value > 0);
create domain public.small_positive as public.positive check (value < 100);
