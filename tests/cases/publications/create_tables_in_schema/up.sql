-- main
create publication public_tables;

-- main
alter publication public_tables add tables in schema public;
