-- main
alter default privileges in schema public revoke select, usage on sequences from authenticated;
