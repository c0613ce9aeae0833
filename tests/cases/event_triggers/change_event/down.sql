-- main
drop event trigger log_ddl;

-- main
create event trigger log_ddl on ddl_command_start
  execute function public.log_ddl();
