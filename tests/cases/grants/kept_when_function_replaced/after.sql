create function public.f(x integer) returns bigint language sql as $$ select x::bigint $$;
revoke execute on function public.f(integer) from public;
grant execute on function public.f(integer) to authenticated;
