-- main
drop event trigger log_table_ddl;

-- main
create event trigger log_table_ddl on ddl_command_end
  when tag in ('CREATE TABLE')
  execute function public.log_ddl();
