create function public.same(a integer, b integer) returns boolean language sql immutable leakproof as $$ select a = b $$;
