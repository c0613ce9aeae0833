-- main
comment on event trigger log_ddl is null;
