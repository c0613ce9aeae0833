create function public.noop() returns void language sql as $$ select $$;
