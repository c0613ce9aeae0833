-- main, stops_replication
drop publication shop;

-- main
create publication shop;

-- main
alter publication shop add table public.orders;
