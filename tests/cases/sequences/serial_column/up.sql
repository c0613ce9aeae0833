-- main
create sequence public.tickets_id_seq as integer increment by 1 minvalue 1 maxvalue 2147483647 start with 1 cache 1 no cycle;

-- main
create table public.tickets (
  id integer default nextval('public.tickets_id_seq'::regclass) not null,
  label text
);

-- main
alter sequence public.tickets_id_seq owned by public.tickets.id;

-- main
alter table public.tickets add constraint tickets_pkey PRIMARY KEY (id);
