-- main
drop function public.price_of(item integer);

-- main
CREATE OR REPLACE FUNCTION public.price_of(item integer)
 RETURNS numeric
 LANGUAGE sql
AS $function$select item * 10.0$function$;

-- main
comment on function public.price_of(item integer) is 'price in cents';
