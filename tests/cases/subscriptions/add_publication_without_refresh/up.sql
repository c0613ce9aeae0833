-- main
alter subscription orders_feed add publication refunds_pub with (refresh = false);
