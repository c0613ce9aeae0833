-- main
drop function public.one();

-- main
CREATE OR REPLACE FUNCTION util.one()
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select 1 $function$;
