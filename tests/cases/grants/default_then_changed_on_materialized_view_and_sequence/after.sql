-- A materialized view takes the defaults of tables, a sequence those of sequences; the
-- desired state then takes one back and adds one the defaults do not give.
alter default privileges in schema public grant select on tables to creo_case_r1;
alter default privileges in schema public grant usage on sequences to creo_case_r1;
create table public.base (id int);
create materialized view public.mv as select id from public.base;
create sequence public.s;
revoke select on public.mv from creo_case_r1;
grant update on sequence public.s to creo_case_r2;
