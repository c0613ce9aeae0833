-- main
drop function public.split_name(full_name text, OUT first text, OUT last text);

-- main
CREATE OR REPLACE FUNCTION public.split_name(full_name text, OUT first text, OUT last text, OUT parts integer)
 RETURNS record
 LANGUAGE sql
 IMMUTABLE
AS $function$ select split_part(full_name, ' ', 1), split_part(full_name, ' ', 2), 2 $function$;
