create sequence public.tickets as integer;
