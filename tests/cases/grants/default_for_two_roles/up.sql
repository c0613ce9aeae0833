-- main
alter default privileges for role creo_case_b grant execute on functions to creo_case_reader;

-- main
alter default privileges for role creo_case_b revoke execute on functions from public;

-- main
alter default privileges for role creo_case_a in schema public grant insert on tables to creo_case_reader;

-- main
grant select on table public.t to creo_case_reader;
