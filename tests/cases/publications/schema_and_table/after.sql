create schema sales;
create table sales.invoices (id bigint primary key, total numeric not null);
create table public.orders (
  id bigint primary key,
  customer text not null,
  amount numeric(10, 2) not null,
  note text
);

create publication reporting for tables in schema sales, table public.orders;
