-- main
drop view inventory.item_names;

-- main, deletes_data, access_exclusive_lock
drop table inventory.items;

-- main
drop schema inventory;
