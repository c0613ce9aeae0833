-- main, deletes_data, access_exclusive_lock
drop table public.customer;

-- main
create table public.customers (
  id bigint not null,
  name text
);

-- main
alter table public.customers add constraint customers_pkey PRIMARY KEY (id);
