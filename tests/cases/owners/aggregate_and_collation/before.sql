do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_owner') then create role creo_case_owner nologin; end if; end $$;
create function public.add_sq(acc numeric, x numeric) returns numeric language sql immutable as $$ select acc + x * x $$;
create aggregate public.sum_sq(numeric) (sfunc = public.add_sq, stype = numeric, initcond = '0');
create collation public.c_copy from "C";
