-- main, stops_replication
alter subscription orders_feed disable;
