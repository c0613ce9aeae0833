-- main
alter default privileges in schema public grant usage on sequences to creo_case_r1;

-- main
alter default privileges in schema public grant select on tables to creo_case_r1;

-- main
grant usage on sequence public.s to creo_case_r1;

-- main
grant update on sequence public.s to creo_case_r2;

-- main
grant select on table public.base to creo_case_r1;
