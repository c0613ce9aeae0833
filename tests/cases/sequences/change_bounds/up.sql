-- main
alter sequence public.ticket_seq minvalue 100 maxvalue 99999 start with 100 cycle restart with 100;
