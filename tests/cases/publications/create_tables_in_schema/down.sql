-- main, stops_replication
drop publication public_tables;
