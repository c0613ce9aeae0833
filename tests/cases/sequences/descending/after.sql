create sequence public.countdown increment by -1 minvalue -1000 maxvalue -1 start with -1;
