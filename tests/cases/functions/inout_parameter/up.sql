-- main
CREATE OR REPLACE FUNCTION public.clamp(INOUT v integer, lo integer, hi integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select greatest(lo, least(hi, v)) $function$;
