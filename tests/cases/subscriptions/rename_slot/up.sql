-- main
alter subscription orders_feed set (slot_name = 'orders_slot_v2');
