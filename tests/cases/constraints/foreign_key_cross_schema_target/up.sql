-- main, share_lock
alter table public.orders add constraint orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES billing.customers(id) ON DELETE CASCADE not valid;

-- validate
alter table public.orders validate constraint orders_customer_id_fkey;
