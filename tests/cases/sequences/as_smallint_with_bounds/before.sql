create sequence public.tickets as bigint;
