-- main
drop function public.greet(name text);

-- main
CREATE OR REPLACE FUNCTION public.greet(name text, punct text DEFAULT '!'::text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select 'hi ' || name || punct $function$;
