-- main
alter sequence public.ticket_seq minvalue 1 maxvalue 9223372036854775807 start with 1 no cycle;
