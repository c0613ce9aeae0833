-- main
comment on publication orders_pub is 'orders, to the warehouse';
