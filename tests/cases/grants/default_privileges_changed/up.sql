-- main
alter default privileges in schema public grant insert, update on tables to authenticated;
