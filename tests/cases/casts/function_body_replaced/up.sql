-- main
drop cast (public.money2 as text);

-- main
drop function public.money2_to_text(public.money2);

-- main
CREATE OR REPLACE FUNCTION public.money2_to_text(public.money2)
 RETURNS character varying
 LANGUAGE sql
 IMMUTABLE
AS $function$ select ($1).amount::text $function$;

-- main
create cast (public.money2 as text) with function public.money2_to_text(public.money2);
