-- main, stops_replication
drop publication everything;
