-- main
alter sequence public.tickets as smallint maxvalue 30000 restart with 1;
