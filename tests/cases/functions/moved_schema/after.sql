create schema util;
create function util.one() returns integer language sql immutable as $$ select 1 $$;
