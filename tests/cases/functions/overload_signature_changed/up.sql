-- main
drop function public.area(w numeric, h numeric);

-- main
CREATE OR REPLACE FUNCTION public.area(w integer, h integer)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select (w * h)::numeric $function$;
