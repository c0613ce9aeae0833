do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_r1') then create role creo_case_r1 nologin; end if; end $$;
create aggregate public.total(int) (sfunc = int4pl, stype = int);
comment on aggregate public.total(int) is 'sum of integers';
revoke execute on function public.total(int) from public;
grant execute on function public.total(int) to creo_case_r1;
