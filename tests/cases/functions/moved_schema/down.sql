-- main
drop function util.one();

-- main
CREATE OR REPLACE FUNCTION public.one()
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select 1 $function$;
