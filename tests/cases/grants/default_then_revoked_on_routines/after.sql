alter default privileges grant execute on functions to creo_case_r1;
alter default privileges revoke execute on functions from public;
create function public.f() returns int language sql as 'select 1';
create procedure public.p() language sql as 'select 1';
create aggregate public.agg(int) (sfunc = int4pl, stype = int);
revoke execute on function public.f() from creo_case_r1;
revoke execute on procedure public.p() from creo_case_r1;
grant execute on function public.agg(int) to public;
revoke execute on function public.agg(int) from creo_case_r1;
