-- main
drop event trigger log_ddl;

-- main
drop function public.log_ddl();
