-- main
grant usage on schema app to authenticated;
