-- main
alter sequence public.ticket_seq increment by 1;
