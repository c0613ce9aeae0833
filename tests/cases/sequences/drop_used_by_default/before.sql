create sequence public.global_ids;
create table public.a (id bigint default nextval('public.global_ids'));
