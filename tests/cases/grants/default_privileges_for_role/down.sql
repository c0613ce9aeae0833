-- main
alter default privileges for role creo_case_owner in schema public revoke select on tables from anon;
