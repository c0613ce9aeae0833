-- main
CREATE OR REPLACE FUNCTION public.bump(x integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$ begin return x + 1; end $function$;
