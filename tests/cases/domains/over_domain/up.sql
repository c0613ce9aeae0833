-- main
create domain public.positive as integer;

-- main
create domain public.small_positive as public.positive;

-- main
alter domain public.positive add constraint positive_check CHECK ((VALUE > 0));

-- main
alter domain public.small_positive add constraint small_positive_check CHECK (((VALUE)::integer < 100));
