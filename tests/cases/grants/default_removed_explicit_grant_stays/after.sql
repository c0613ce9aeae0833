-- The default goes, the grant the table got from it stays (now declared explicitly): only
-- the default privileges change.
create table public.t (id int);
grant select on public.t to creo_case_r1;
