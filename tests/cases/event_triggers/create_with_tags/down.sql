-- main
drop event trigger log_table_ddl;

-- main
drop function public.log_ddl();
