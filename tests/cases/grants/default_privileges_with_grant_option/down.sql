-- main
alter default privileges in schema public revoke select on tables from service_role;
