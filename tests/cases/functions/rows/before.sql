create function public.series(n integer) returns setof integer language sql as $$ select generate_series(1, n) $$;
