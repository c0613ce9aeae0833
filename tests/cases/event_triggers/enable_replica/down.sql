-- main
alter event trigger log_ddl disable;
