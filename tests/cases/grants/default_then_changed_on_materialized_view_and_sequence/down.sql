-- main
alter default privileges in schema public revoke usage on sequences from creo_case_r1;

-- main
alter default privileges in schema public revoke select on tables from creo_case_r1;

-- main
revoke usage on sequence public.s from creo_case_r1;

-- main
revoke update on sequence public.s from creo_case_r2;

-- main
revoke select on table public.base from creo_case_r1;
