-- main, deletes_data, access_exclusive_lock
drop table inventory.items;

-- main
drop function inventory.count_items();

-- main
drop schema inventory;
