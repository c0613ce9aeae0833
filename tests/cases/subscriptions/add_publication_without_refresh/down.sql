-- main
alter subscription orders_feed drop publication refunds_pub with (refresh = false);
