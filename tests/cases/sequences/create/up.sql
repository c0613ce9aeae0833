-- main
create sequence public.ticket_seq as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1000 cache 1 no cycle;
