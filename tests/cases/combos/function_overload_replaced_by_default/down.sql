-- main
drop function public.greet(name text, punct text);

-- main
CREATE OR REPLACE FUNCTION public.greet(name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select 'hi ' || name $function$;

-- main
CREATE OR REPLACE FUNCTION public.greet(name text, punct text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select 'hi ' || name || punct $function$;
