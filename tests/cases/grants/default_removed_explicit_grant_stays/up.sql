-- main
alter default privileges in schema public revoke select on tables from creo_case_r1;
