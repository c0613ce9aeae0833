-- main
drop function public.f(x integer);

-- main
CREATE OR REPLACE FUNCTION public.f(x integer)
 RETURNS bigint
 LANGUAGE sql
AS $function$ select x::bigint $function$;

-- main
grant execute on function public.f(x integer) to authenticated;

-- main
revoke execute on function public.f(x integer) from public;
