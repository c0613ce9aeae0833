-- main, access_exclusive_lock
alter table public.orders drop constraint orders_customer_id_fkey;

-- main, deletes_data, access_exclusive_lock
drop table billing.customers;

-- main
drop schema billing;
