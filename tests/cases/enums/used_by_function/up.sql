-- main
drop function public.is_live(s public.status);

-- main
drop type public.status;

-- main
create type public.status as enum ('draft', 'live');

-- main
CREATE OR REPLACE FUNCTION public.is_live(s public.status)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ select s = 'live' $function$;
