create table public.t (id bigint);
create view public.v_new as select id from public.t;
grant select on public.v_new to anon;
