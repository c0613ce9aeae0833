-- main, stops_replication
drop publication orders_pub;
