-- main
CREATE OR REPLACE FUNCTION public.new_code()
 RETURNS text
 LANGUAGE sql
AS $function$ select md5(random()::text) $function$;

-- main, access_exclusive_lock
alter table public.tickets alter column code set default public.new_code();
