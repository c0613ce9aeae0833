-- main
create table public.b (
  id bigint default nextval('public.global_ids'::regclass)
);
