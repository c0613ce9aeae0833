-- main
alter publication orders_pub set (publish = 'insert, update, delete, truncate');
