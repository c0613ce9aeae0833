-- main
alter subscription orders_feed set (slot_name = none);

-- main
drop subscription orders_feed;
