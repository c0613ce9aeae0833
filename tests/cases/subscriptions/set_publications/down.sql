-- main
alter subscription orders_feed set publication legacy_pub, orders_pub with (refresh = false);
