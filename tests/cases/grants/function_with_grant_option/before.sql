create function public.f() returns integer language sql as $$ select 1 $$;
