-- main
alter default privileges grant usage on types to public;
