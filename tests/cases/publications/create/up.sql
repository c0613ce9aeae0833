-- main
create publication orders_pub;

-- main
alter publication orders_pub add table public.orders;
