-- main
drop domain public.positive_int;
