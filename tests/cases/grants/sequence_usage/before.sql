create sequence public.ticket_seq;
