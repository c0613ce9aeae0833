-- main
create event trigger log_ddl on ddl_command_end
  execute function public.log_ddl();
