-- main
alter default privileges in schema public revoke insert, update on tables from authenticated;
