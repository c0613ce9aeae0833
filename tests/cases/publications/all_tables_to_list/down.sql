-- main, stops_replication
drop publication shop;

-- main
create publication shop for all tables;
