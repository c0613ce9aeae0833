-- main, stops_replication
drop publication reporting;
