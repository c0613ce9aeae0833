-- main
CREATE OR REPLACE FUNCTION public.greet(name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select 'hello ' || name $function$;
