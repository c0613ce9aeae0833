-- main
alter sequence public.tickets as integer maxvalue 2147483647 restart with 1;
