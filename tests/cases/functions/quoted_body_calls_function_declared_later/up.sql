-- main
CREATE OR REPLACE FUNCTION public.base_answer()
 RETURNS integer
 LANGUAGE sql
AS $function$select 41$function$;

-- main
CREATE OR REPLACE FUNCTION public.answer()
 RETURNS integer
 LANGUAGE sql
AS $function$select public.base_answer() + 1$function$;
