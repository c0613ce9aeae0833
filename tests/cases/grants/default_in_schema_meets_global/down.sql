-- main
alter default privileges in schema public revoke insert, update on tables from creo_case_r1;

-- main
revoke insert on table public.t from creo_case_r1;

-- main
revoke insert, update on table public.v from creo_case_r1;

-- main
grant select on table public.v to creo_case_r1;
