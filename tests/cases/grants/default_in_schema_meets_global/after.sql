-- A schema's default privileges add to the global ones: a table made in public gets
-- SELECT (global) and INSERT, UPDATE (public's). What the desired state revokes from an
-- object made under them is revoked from that object alone.
alter default privileges grant select on tables to creo_case_r1;
alter default privileges in schema public grant insert, update on tables to creo_case_r1;
create table public.t (id int);
create view public.v as select 1 as x;
revoke update on public.t from creo_case_r1;
revoke select on public.v from creo_case_r1;
