-- Objects made while the defaults give a privilege WITH GRANT OPTION keep the privilege but
-- lose the option: REVOKE GRANT OPTION FOR, not a revoke of the privilege.
alter default privileges in schema public grant select on tables to creo_case_r1 with grant option;
alter default privileges grant usage on sequences to creo_case_r1 with grant option;
create table public.t (id int);
create sequence public.s;
revoke grant option for select on public.t from creo_case_r1;
revoke grant option for usage on sequence public.s from creo_case_r1;
