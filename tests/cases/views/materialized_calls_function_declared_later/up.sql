-- main
CREATE OR REPLACE FUNCTION public.to_eur(cents integer)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$select cents / 100.0$function$;

-- main
create materialized view public.prices_eur as
SELECT public.to_eur(cents) AS eur
   FROM public.prices;
