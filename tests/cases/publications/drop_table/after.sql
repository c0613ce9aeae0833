create table public.orders (
  id bigint primary key,
  customer text not null,
  amount numeric(10, 2) not null,
  note text
);
create table public.payments (
  id bigint primary key,
  order_id bigint not null,
  paid_at timestamptz not null
);

create publication shop for table public.orders;
