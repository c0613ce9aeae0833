-- main
alter publication orders_pub drop table public.orders;

-- main
alter publication orders_pub add table public.orders (id, customer, amount);
