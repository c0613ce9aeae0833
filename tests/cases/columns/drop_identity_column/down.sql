-- main, access_exclusive_lock
alter table public.tags add column id bigint generated always as identity (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) not null;
