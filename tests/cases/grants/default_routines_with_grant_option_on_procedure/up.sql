-- main
alter default privileges in schema public grant execute on functions to creo_case_r1;

-- main
alter default privileges revoke execute on functions from public;

-- main
revoke execute on function public.a(integer) from public;

-- main
grant execute on procedure public.p() to creo_case_r1;

-- main
grant execute on procedure public.p() to creo_case_r2 with grant option;

-- main
revoke execute on procedure public.p() from public;
