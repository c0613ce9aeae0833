-- main, weakens_security
CREATE OR REPLACE FUNCTION public.my_team()
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$ select 2::bigint $function$;
