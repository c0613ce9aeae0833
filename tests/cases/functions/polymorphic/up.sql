-- main
CREATE OR REPLACE FUNCTION public.first_of(xs anyarray)
 RETURNS anyelement
 LANGUAGE sql
 IMMUTABLE
AS $function$ select xs[1] $function$;
