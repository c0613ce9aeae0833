create schema billing;
create table billing.customers (id bigint primary key);
create table public.orders (id bigint, customer_id bigint references billing.customers (id));
