-- ROUTINES covers procedures and aggregates too: PUBLIC loses execute everywhere, one role
-- gains it in public; then the procedure is given on with grant option, and the aggregate
-- taken back from the role.
alter default privileges in schema public grant execute on routines to creo_case_r1;
alter default privileges revoke execute on routines from public;
create procedure public.p() language sql as 'select 1';
create aggregate public.a(int) (sfunc = int4pl, stype = int);
grant execute on procedure public.p() to creo_case_r2 with grant option;
revoke execute on function public.a(int) from creo_case_r1;
