create sequence public.tickets as smallint maxvalue 30000;
