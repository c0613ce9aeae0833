-- main
create publication orders_pub with (publish = 'insert');

-- main
alter publication orders_pub add table public.orders;
