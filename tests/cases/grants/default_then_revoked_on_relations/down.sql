-- main
drop view public.v;

-- main, deletes_data
drop sequence public.s;

-- main
drop domain public.d;

-- main
drop schema s2;

-- main
alter default privileges in schema public revoke insert, select on tables from creo_case_r1;

-- main
alter default privileges in schema public revoke insert, select on tables from creo_case_r2;

-- main
alter default privileges revoke select on tables from creo_case_r2;

-- main
revoke insert, select on table public.t from creo_case_r1;

-- main
revoke insert, select on table public.t from creo_case_r2;
