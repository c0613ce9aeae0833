-- main
drop function public.base_answer();

-- main
CREATE OR REPLACE FUNCTION public.answer()
 RETURNS integer
 LANGUAGE sql
AS $function$select 42$function$;
