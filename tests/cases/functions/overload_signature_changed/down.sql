-- main
drop function public.area(w integer, h integer);

-- main
CREATE OR REPLACE FUNCTION public.area(w numeric, h numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select w * h $function$;
