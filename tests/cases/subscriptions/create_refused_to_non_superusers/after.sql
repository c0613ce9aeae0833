create table public.orders (id bigint primary key, total numeric(10, 2) not null);
create table public.refunds (id bigint primary key, order_id bigint not null references public.orders);

create subscription orders_feed
  connection ''
  publication orders_pub
  with (connect = false, binary = true);
