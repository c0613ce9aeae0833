-- main, access_exclusive_lock
alter table public.legacy alter column id drop identity;

-- main
create sequence public.legacy_id_seq as integer increment by 1 minvalue 1 maxvalue 2147483647 start with 1 cache 1 no cycle;

-- main
alter sequence public.legacy_id_seq owned by public.legacy.id;

-- main, access_exclusive_lock
alter table public.legacy alter column id set default nextval('public.legacy_id_seq'::regclass);
