-- main
comment on event trigger log_ddl is 'logs every DDL command';
