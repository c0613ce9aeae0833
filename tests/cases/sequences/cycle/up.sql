-- main
alter sequence public.wheel cycle;
