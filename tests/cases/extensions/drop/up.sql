-- main, deletes_data
drop extension hstore;
