create table public.orders (
  id bigint primary key,
  customer text not null,
  amount numeric(10, 2) not null
);

create publication big_orders for table public.orders (id, amount) where (amount > 1000);
