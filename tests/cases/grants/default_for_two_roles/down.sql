-- main
alter default privileges for role creo_case_b revoke execute on functions from creo_case_reader;

-- main
alter default privileges for role creo_case_b grant execute on functions to public;

-- main
alter default privileges for role creo_case_a in schema public revoke insert on tables from creo_case_reader;

-- main
revoke select on table public.t from creo_case_reader;
