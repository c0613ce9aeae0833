alter default privileges in schema public grant select, insert, update on tables to authenticated;
