-- main
CREATE OR REPLACE FUNCTION public.pick_acc(acc text, x text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select coalesce(acc, x) $function$;

-- main
CREATE AGGREGATE public.first_text(ORDER BY text) (SFUNC = public.pick_acc, STYPE = text);
