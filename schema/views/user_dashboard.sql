-- security_invoker: the view runs with the reader's rights, so RLS on the tables applies
-- (lint 0010). A user sees their own row; an admin sees everyone's. Aggregates make it
-- read-only: nobody can write through it.
create view public.user_dashboard
with (security_invoker = true)
as
select p.id as user_id,
       p.email,
       p.full_name,
       p.avatar_url,
       p.credits,
       p.subscription_plan,
       p.subscription_status,
       p.subscription_expires_at,
       o.total_orders,
       o.active_orders,
       o.completed_orders,
       o.credits_spent,
       o.last_order_at,
       d.active_downloads,
       k.active_api_keys,
       s.saved_searches,
       p.created_at as member_since
  from public.user_profiles p
  cross join lateral (
    select count(*) as total_orders,
           count(*) filter (where x.status in ('pending', 'processing')) as active_orders,
           count(*) filter (where x.status = 'completed') as completed_orders,
           coalesce(sum(x.credits_used) filter (where x.status = 'completed'), 0) as credits_spent,
           max(x.created_at) as last_order_at
      from public.orders x
     where x.user_id = p.id
  ) o
  cross join lateral (
    select count(*) as active_downloads
      from public.downloads x
     where x.user_id = p.id and x.is_active and x.expires_at > now()
  ) d
  cross join lateral (
    select count(*) as active_api_keys
      from public.api_keys x
     where x.user_id = p.id and x.revoked_at is null and (x.expires_at is null or x.expires_at > now())
  ) k
  cross join lateral (
    select count(*) as saved_searches
      from public.saved_searches x
     where x.user_id = p.id
  ) s;
comment on view public.user_dashboard is 'Per-user dashboard figures; RLS applies (security_invoker).';
