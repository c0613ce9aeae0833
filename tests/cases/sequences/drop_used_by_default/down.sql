-- main
create sequence public.global_ids as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;

-- main, access_exclusive_lock
alter table public.a alter column id set default nextval('public.global_ids'::regclass);
