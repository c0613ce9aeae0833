-- main
CREATE OR REPLACE FUNCTION public.is_even(v integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$select v % 2 = 0$function$;

-- main, access_exclusive_lock
alter table public.slots add constraint slots_n_even CHECK (public.is_even(n)) not valid;

-- validate
alter table public.slots validate constraint slots_n_even;
