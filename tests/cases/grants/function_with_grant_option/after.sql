create function public.f() returns integer language sql as $$ select 1 $$;
grant execute on function public.f() to authenticated with grant option;
