create function public.f(x integer) returns integer language sql as $$ select x $$;
revoke execute on function public.f(integer) from public;
grant execute on function public.f(integer) to authenticated;
