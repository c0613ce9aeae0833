create table public.orders (
  id bigint primary key,
  customer text not null,
  amount numeric(10, 2) not null,
  note text
);
