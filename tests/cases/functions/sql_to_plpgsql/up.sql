-- main
CREATE OR REPLACE FUNCTION public.greet(name text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ begin return 'hello ' || name; end $function$;
