-- Statistics for the dashboards. Users may ask about themselves; platform-wide figures are for
-- admins and the service role.

create function public.get_user_stats(user_uuid uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.assert_self_or_privileged(user_uuid);
  select pg_catalog.jsonb_build_object(
           'user_id', p.id,
           'credits', p.credits,
           'subscription_plan', p.subscription_plan,
           'subscription_status', p.subscription_status,
           'member_since', p.created_at,
           'total_orders', o.total_orders,
           'completed_orders', o.completed_orders,
           'active_orders', o.active_orders,
           'credits_spent', o.credits_spent,
           'total_downloads', d.total_downloads,
           'active_downloads', d.active_downloads,
           'total_paid', pay.total_paid,
           'active_api_keys', k.active_api_keys,
           'saved_searches', s.saved_searches
         )
    into result
    from public.user_profiles p
    cross join lateral (
      select count(*) as total_orders,
             count(*) filter (where o.status = 'completed') as completed_orders,
             count(*) filter (where o.status in ('pending', 'processing')) as active_orders,
             coalesce(sum(o.credits_used) filter (where o.status = 'completed'), 0) as credits_spent
        from public.orders o where o.user_id = p.id
    ) o
    cross join lateral (
      select count(*) as total_downloads,
             count(*) filter (where d.is_active and d.expires_at > pg_catalog.now()) as active_downloads
        from public.downloads d where d.user_id = p.id
    ) d
    cross join lateral (
      select coalesce(sum(x.amount - x.refund_amount), 0) as total_paid
        from public.payments x
       where x.user_id = p.id and x.status in ('succeeded', 'partially_refunded', 'refunded')
    ) pay
    cross join lateral (
      select count(*) as active_api_keys
        from public.api_keys k
       where k.user_id = p.id and k.revoked_at is null
         and (k.expires_at is null or k.expires_at > pg_catalog.now())
    ) k
    cross join lateral (
      select count(*) as saved_searches from public.saved_searches s where s.user_id = p.id
    ) s
   where p.id = user_uuid;
  return result;
end
$$;
comment on function public.get_user_stats(uuid) is 'Orders, downloads, payments, keys and searches of one user, as JSON; null when the user has no profile.';

create function public.get_system_stats()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_privileged();
  return (
    select pg_catalog.jsonb_build_object(
      'total_users', (select count(*) from public.user_profiles),
      'new_users_7d', (select count(*) from public.user_profiles where created_at > pg_catalog.now() - interval '7 days'),
      'admins', (select count(*) from public.user_profiles where role = 'admin'),
      'users_by_plan', (select coalesce(pg_catalog.jsonb_object_agg(plan, n), '{}'::jsonb)
                          from (select subscription_plan as plan, count(*) as n
                                  from public.user_profiles group by subscription_plan) x),
      'active_subscriptions', (select count(*) from public.user_profiles
                                where subscription_plan <> 'free' and subscription_status in ('active', 'trialing')),
      'credits_outstanding', (select coalesce(sum(credits), 0) from public.user_profiles),
      'total_orders', (select count(*) from public.orders),
      'orders_by_status', (select coalesce(pg_catalog.jsonb_object_agg(status, n), '{}'::jsonb)
                             from (select status, count(*) as n from public.orders group by status) x),
      'orders_24h', (select count(*) from public.orders where created_at > pg_catalog.now() - interval '24 hours'),
      'total_downloads', (select count(*) from public.downloads),
      'active_downloads', (select count(*) from public.downloads where is_active and expires_at > pg_catalog.now()),
      'total_revenue', (select coalesce(sum(amount - refund_amount), 0) from public.payments
                         where status in ('succeeded', 'partially_refunded', 'refunded')),
      'revenue_30d', (select coalesce(sum(amount - refund_amount), 0) from public.payments
                       where status in ('succeeded', 'partially_refunded', 'refunded')
                         and created_at > pg_catalog.now() - interval '30 days'),
      'failed_payments_30d', (select count(*) from public.payments
                               where status = 'failed' and created_at > pg_catalog.now() - interval '30 days'),
      'active_api_keys', (select count(*) from public.api_keys
                           where revoked_at is null and (expires_at is null or expires_at > pg_catalog.now())),
      'public_saved_searches', (select count(*) from public.saved_searches where is_public),
      'admin_actions_24h', (select count(*) from public.admin_logs where created_at > pg_catalog.now() - interval '24 hours'),
      'generated_at', pg_catalog.now()
    )
  );
end
$$;
comment on function public.get_system_stats() is 'Platform-wide statistics as JSON (admins and the service role only).';

-- One row per day (UTC) of the last days_back days, oldest first, zero-filled.
create function public.get_user_activity_summary(user_uuid uuid, days_back integer default 30)
returns table (
  activity_date date,
  orders_created bigint,
  orders_completed bigint,
  credits_spent bigint,
  credits_added bigint,
  downloads bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if days_back is null or days_back < 1 or days_back > 366 then
    raise exception 'days_back must be between 1 and 366, got %', coalesce(days_back::text, 'null')
      using errcode = '22023';
  end if;
  perform private.assert_self_or_privileged(user_uuid);
  return query
    with days as (
      select g.day::date as day
        from pg_catalog.generate_series(
               ((pg_catalog.now() at time zone 'UTC')::date - (days_back - 1))::timestamp,
               ((pg_catalog.now() at time zone 'UTC')::date)::timestamp,
               interval '1 day') as g(day)
    )
    select days.day,
           (select count(*) from public.orders o
             where o.user_id = user_uuid and (o.created_at at time zone 'UTC')::date = days.day),
           (select count(*) from public.orders o
             where o.user_id = user_uuid and o.status = 'completed'
               and (o.completed_at at time zone 'UTC')::date = days.day),
           (select coalesce(-sum(t.amount), 0)::bigint from public.credit_transactions t
             where t.user_id = user_uuid and t.amount < 0 and (t.created_at at time zone 'UTC')::date = days.day),
           (select coalesce(sum(t.amount), 0)::bigint from public.credit_transactions t
             where t.user_id = user_uuid and t.amount > 0 and (t.created_at at time zone 'UTC')::date = days.day),
           (select count(*) from public.downloads d
             where d.user_id = user_uuid and (d.created_at at time zone 'UTC')::date = days.day)
      from days
     order by days.day;
end
$$;
comment on function public.get_user_activity_summary(uuid, integer) is 'Daily orders, credits and downloads of a user over the last days_back days (UTC).';
