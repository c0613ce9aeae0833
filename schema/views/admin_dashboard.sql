-- One row of platform figures for admins and the service role; zero rows for anyone else
-- (the WHERE clause), on top of RLS applying to the reader (security_invoker).
create view public.admin_dashboard
with (security_invoker = true)
as
select (select count(*) from public.user_profiles) as total_users,
       (select count(*) from public.user_profiles where created_at > now() - interval '7 days') as new_users_7d,
       (select count(*) from public.user_profiles
         where subscription_plan <> 'free' and subscription_status in ('active', 'trialing')) as active_subscriptions,
       (select count(*) from public.orders) as total_orders,
       (select count(*) from public.orders where status = 'pending') as pending_orders,
       (select count(*) from public.orders where status = 'processing') as processing_orders,
       (select count(*) from public.orders where status = 'failed' and created_at > now() - interval '7 days') as failed_orders_7d,
       (select count(*) from public.downloads) as total_downloads,
       (select count(*) from public.downloads where is_active and expires_at > now()) as active_downloads,
       (select coalesce(sum(amount - refund_amount), 0) from public.payments
         where status in ('succeeded', 'partially_refunded', 'refunded')) as total_revenue,
       (select coalesce(sum(amount - refund_amount), 0) from public.payments
         where status in ('succeeded', 'partially_refunded', 'refunded')
           and created_at > now() - interval '30 days') as revenue_30d,
       (select count(*) from public.api_keys
         where revoked_at is null and (expires_at is null or expires_at > now())) as active_api_keys,
       (select count(*) from public.admin_logs where created_at > now() - interval '24 hours') as admin_actions_24h,
       now() as generated_at
 where (select private.is_privileged());
comment on view public.admin_dashboard is 'Platform-wide figures: one row for admins and the service role, none for others.';
