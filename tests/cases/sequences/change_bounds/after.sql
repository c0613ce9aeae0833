create sequence public.ticket_seq minvalue 100 maxvalue 99999 cycle;
