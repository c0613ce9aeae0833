-- (user_id, created_at) leads with user_id: it serves the RLS policies and the history list.
create index idx_downloads_user_created on public.downloads (user_id, created_at);
create index idx_downloads_created_at on public.downloads (created_at);
create index idx_downloads_expires_at on public.downloads (expires_at);
-- is_active is two-valued: a partial index on the active rows is the useful form of it.
create index idx_downloads_active on public.downloads (user_id, expires_at) where is_active = true;
create index idx_downloads_order_id on public.downloads (order_id);
