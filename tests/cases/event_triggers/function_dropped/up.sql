-- main
drop event trigger log_ddl;

-- main
drop function public.log_ddl();

-- main
CREATE OR REPLACE FUNCTION public.audit_ddl()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$
begin
  raise notice 'audited: % %', tg_event, tg_tag;
end
$function$;

-- main
create event trigger log_ddl on ddl_command_end
  execute function public.audit_ddl();
