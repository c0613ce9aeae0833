create function public.series(n integer) returns setof integer language sql rows 50 as $$ select generate_series(1, n) $$;
