-- main
create sequence public.countdown as bigint increment by -1 minvalue -1000 maxvalue -1 start with -1 cache 1 no cycle;
