-- main
alter subscription orders_feed set publication orders_pub, refunds_pub with (refresh = false);
