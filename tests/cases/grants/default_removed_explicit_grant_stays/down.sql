-- main
alter default privileges in schema public grant select on tables to creo_case_r1;
