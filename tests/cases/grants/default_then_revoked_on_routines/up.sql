-- main
revoke execute on function public.agg(integer) from creo_case_r1;

-- main
revoke execute on function public.f() from creo_case_r1;

-- main
revoke execute on procedure public.p() from creo_case_r1;

-- main, weakens_security
grant execute on function public.agg(integer) to public;
