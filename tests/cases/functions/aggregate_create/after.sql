create function public.add_int(a integer, b integer) returns integer language sql immutable as $$ select a + b $$;
create aggregate public.total(integer) (sfunc = public.add_int, stype = integer, initcond = '0');
