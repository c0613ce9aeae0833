create sequence public.tickets;
