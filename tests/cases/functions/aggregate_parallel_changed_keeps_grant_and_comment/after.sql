-- An aggregate's options change in place (CREATE OR REPLACE AGGREGATE): its comment and
-- grants (PUBLIC's execute revoked, one role's given) stay as they are.
create aggregate public.total(int) (sfunc = int4pl, stype = int, combinefunc = int4pl, parallel = safe);
comment on aggregate public.total(int) is 'sum of integers';
revoke execute on function public.total(int) from public;
grant execute on function public.total(int) to creo_case_r1;
