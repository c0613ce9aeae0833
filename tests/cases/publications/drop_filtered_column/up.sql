-- main
alter publication orders_pub drop table public.orders;

-- main, deletes_data, access_exclusive_lock
alter table public.orders drop column note;

-- main
alter publication orders_pub add table public.orders;
