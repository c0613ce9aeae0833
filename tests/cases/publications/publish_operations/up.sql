-- main, stops_replication
alter publication orders_pub set (publish = 'insert, update');
