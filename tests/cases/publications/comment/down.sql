-- main
comment on publication orders_pub is null;
