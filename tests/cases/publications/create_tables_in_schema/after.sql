create table public.orders (
  id bigint primary key,
  customer text not null,
  amount numeric(10, 2) not null,
  note text
);

create publication public_tables for tables in schema public;
