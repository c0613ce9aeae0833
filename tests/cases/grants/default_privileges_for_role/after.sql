alter default privileges for role creo_case_owner in schema public grant select on tables to anon;
