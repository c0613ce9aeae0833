create schema util;
create function public.one() returns integer language sql immutable as $$ select 1 $$;
