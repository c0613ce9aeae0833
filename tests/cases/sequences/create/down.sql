-- main, deletes_data
drop sequence public.ticket_seq;
