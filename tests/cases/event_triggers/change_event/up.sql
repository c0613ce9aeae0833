-- main
drop event trigger log_ddl;

-- main
create event trigger log_ddl on sql_drop
  execute function public.log_ddl();
