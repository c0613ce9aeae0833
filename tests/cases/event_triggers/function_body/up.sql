-- main
CREATE OR REPLACE FUNCTION public.log_ddl()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$
begin
  raise notice 'ddl command: % on %', tg_tag, tg_event;
end
$function$;
