-- main
drop function public.noop();

-- main
CREATE OR REPLACE FUNCTION public.noop()
 RETURNS void
 LANGUAGE sql
AS $function$ select $function$;
