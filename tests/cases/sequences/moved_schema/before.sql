create schema app;
create sequence public.counter;
