create sequence public.ticket_seq start with 1000;
