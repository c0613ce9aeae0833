-- main
create sequence public.things_id_seq as integer increment by 1 minvalue 1 maxvalue 2147483647 start with 1 cache 1 no cycle;

-- main, access_exclusive_lock
alter table public.things add column id integer default nextval('public.things_id_seq'::regclass) not null;

-- main
alter sequence public.things_id_seq owned by public.things.id;
