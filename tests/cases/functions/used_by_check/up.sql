-- main
CREATE OR REPLACE FUNCTION public.is_valid_name(n text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ select length(n) > 0 $function$;

-- main, access_exclusive_lock
alter table public.items add constraint items_name_valid CHECK (public.is_valid_name(name)) not valid;

-- validate
alter table public.items validate constraint items_name_valid;
