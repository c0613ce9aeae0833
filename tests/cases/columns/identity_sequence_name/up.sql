-- main
create table public.orders (
  id bigint generated always as identity (SEQUENCE NAME public.order_numbers START WITH 10 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) not null
);

-- main
alter sequence public.tickets_id_seq rename to ticket_numbers;
