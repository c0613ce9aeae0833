-- main
create publication everything for all tables;
