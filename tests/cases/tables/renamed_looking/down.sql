-- main, deletes_data, access_exclusive_lock
drop table public.customers;

-- main
create table public.customer (
  id bigint not null,
  name text
);

-- main
alter table public.customer add constraint customer_pkey PRIMARY KEY (id);
