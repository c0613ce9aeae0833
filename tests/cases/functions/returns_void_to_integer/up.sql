-- main
drop function public.noop();

-- main
CREATE OR REPLACE FUNCTION public.noop()
 RETURNS integer
 LANGUAGE sql
AS $function$ select 1 $function$;
