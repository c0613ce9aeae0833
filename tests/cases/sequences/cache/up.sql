-- main
alter sequence public.fast cache 50;
