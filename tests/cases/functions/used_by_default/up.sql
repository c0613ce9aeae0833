-- main
CREATE OR REPLACE FUNCTION public.default_price()
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ select 9.99 $function$;

-- main, access_exclusive_lock
alter table public.items alter column price set default public.default_price();
