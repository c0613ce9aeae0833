-- The covering columns of a unique index change (INCLUDE), its key does not.
create table public.orders (id bigint primary key, customer_id bigint, total numeric, placed_at timestamptz);
create unique index orders_customer_placed on public.orders (customer_id, placed_at) include (total, id);
