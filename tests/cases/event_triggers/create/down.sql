-- main
drop event trigger log_ddl;
