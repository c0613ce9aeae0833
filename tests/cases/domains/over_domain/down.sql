-- main
drop domain public.small_positive;

-- main
drop domain public.positive;
