create table public.t (id bigint);
create view public.v_old as select id from public.t;
grant select on public.v_old to anon;
