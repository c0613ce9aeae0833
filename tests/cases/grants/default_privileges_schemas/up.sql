-- main
alter default privileges grant usage on schemas to authenticated;
