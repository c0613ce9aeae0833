-- main
create domain public.positive_int as integer;

-- main
alter domain public.positive_int add constraint positive_int_check CHECK ((VALUE > 0));
