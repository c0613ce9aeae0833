create function public.same(a integer, b integer) returns boolean language sql immutable as $$ select a = b $$;
