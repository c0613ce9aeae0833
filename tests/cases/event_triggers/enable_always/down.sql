-- main
alter event trigger log_ddl enable replica;
