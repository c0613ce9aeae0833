-- main
grant execute on function public.agg(integer) to creo_case_r1;

-- main
revoke execute on function public.agg(integer) from public;

-- main
grant execute on function public.f() to creo_case_r1;

-- main
grant execute on procedure public.p() to creo_case_r1;
