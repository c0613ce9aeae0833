-- main
CREATE OR REPLACE FUNCTION public.log_ddl()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$
begin
  raise notice 'ddl: %', tg_tag;
end
$function$;

-- main
create event trigger log_table_ddl on ddl_command_start
  when tag in ('ALTER TABLE', 'CREATE TABLE', 'DROP TABLE')
  execute function public.log_ddl();
