-- main
alter default privileges in schema public grant insert, update on tables to creo_case_r1;

-- main
revoke select on table public.v from creo_case_r1;

-- main
grant insert on table public.t to creo_case_r1;

-- main
grant insert, update on table public.v to creo_case_r1;
