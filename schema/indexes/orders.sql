-- Guide's orders indexes. user_id alone is not indexed separately: the composite
-- (user_id, status, created_at) leads with it and serves the RLS policies and per-user lists.
create index idx_orders_user_status_created on public.orders (user_id, status, created_at);
create index idx_orders_status on public.orders (status);
create index idx_orders_created_at on public.orders (created_at);
create index idx_orders_order_type on public.orders (order_type);
-- Active orders, as the order workers poll them.
create index idx_orders_active on public.orders (created_at) where status in ('pending', 'processing');
create index idx_orders_metadata on public.orders using gin (metadata);
