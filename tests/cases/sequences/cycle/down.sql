-- main
alter sequence public.wheel no cycle;
