-- main
create schema billing;

-- main
create table billing.customers (
  id bigint not null
);

-- main
alter table billing.customers add constraint customers_pkey PRIMARY KEY (id);

-- main, share_lock
alter table public.orders add constraint orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES billing.customers(id);
