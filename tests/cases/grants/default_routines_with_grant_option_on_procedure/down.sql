-- main
alter default privileges in schema public revoke execute on functions from creo_case_r1;

-- main
alter default privileges grant execute on functions to public;

-- main
revoke execute on procedure public.p() from creo_case_r1;

-- main
revoke execute on procedure public.p() from creo_case_r2;

-- main, weakens_security
grant execute on function public.a(integer) to public;

-- main, weakens_security
grant execute on procedure public.p() to public;
