-- main
CREATE OR REPLACE FUNCTION public.touch_created()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ begin new.created_at := now(); return new; end $function$;
