-- main
create sequence public.things_id_seq as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;

-- main
create table public.things (
  id bigint default nextval('public.things_id_seq'::regclass) not null,
  name text
);

-- main
alter sequence public.things_id_seq owned by public.things.id;

-- main
alter table public.things add constraint things_pkey PRIMARY KEY (id);
