-- main
alter default privileges in schema public grant select on tables to service_role with grant option;
