-- main
create extension if not exists hstore with schema public;

-- main
comment on extension hstore is 'data type for storing sets of (key, value) pairs';
