-- main, replicates_data
alter subscription orders_feed enable;
