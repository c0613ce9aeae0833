create sequence public.counter;
