-- main
alter default privileges in schema public grant select, usage on sequences to authenticated;
