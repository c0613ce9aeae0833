-- main, deletes_data
drop extension pg_trgm;
