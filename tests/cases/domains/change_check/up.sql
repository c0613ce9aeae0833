-- main
alter domain public.positive_int drop constraint positive_int_check;

-- main
alter domain public.positive_int add constraint positive_int_check CHECK ((VALUE >= 0));
