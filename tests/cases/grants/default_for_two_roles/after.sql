-- Default privileges of two roles (FOR ROLE): what a's tables and b's functions will give.
-- They apply to what those roles create, not to a table given to a afterwards, whose grant
-- is explicit.
alter default privileges for role creo_case_a in schema public grant select, insert on tables to creo_case_reader;
alter default privileges for role creo_case_b grant execute on functions to creo_case_reader;
alter default privileges for role creo_case_b revoke execute on functions from public;
create table public.t (id int);
alter table public.t owner to creo_case_a;
grant select on public.t to creo_case_reader;
