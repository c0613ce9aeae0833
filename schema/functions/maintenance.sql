-- Maintenance, for pg_cron (as postgres), the service role, or an admin.

-- Deactivates every active download whose link has expired; returns how many.
create function public.cleanup_expired_downloads()
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  n integer;
begin
  perform private.assert_privileged();
  update public.downloads d
     set is_active = false
   where d.is_active
     and d.expires_at <= pg_catalog.now();
  get diagnostics n = row_count;
  if private.is_admin() then
    perform public.log_admin_action('downloads_cleaned_up', 'system', null,
                                    pg_catalog.jsonb_build_object('deactivated', n));
  end if;
  return n;
end
$$;
comment on function public.cleanup_expired_downloads() is 'Deactivates expired download links; returns the number deactivated.';

-- Moves audit entries older than days_old days (default: the admin_logs.retention_days setting,
-- else 90) to archived_admin_logs, in one statement; returns how many moved.
create function public.archive_old_admin_logs(days_old integer default null)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  keep_days integer := coalesce(days_old, (private.setting('admin_logs.retention_days', '90'::jsonb) #>> '{}')::integer);
  n integer;
begin
  perform private.assert_privileged();
  if keep_days is null or keep_days < 1 then
    raise exception 'days_old must be at least 1, got %', keep_days using errcode = '22023';
  end if;
  with moved as (
    delete from public.admin_logs l
     where l.created_at < pg_catalog.now() - pg_catalog.make_interval(days => keep_days)
    returning l.*
  )
  insert into public.archived_admin_logs
    (id, admin_id, action, target_type, target_id, details, ip_address, user_agent, created_at)
  select m.id, m.admin_id, m.action, m.target_type, m.target_id, m.details, m.ip_address, m.user_agent, m.created_at
    from moved m;
  get diagnostics n = row_count;
  if private.is_admin() then
    perform public.log_admin_action('admin_logs_archived', 'admin_log', null,
                                    pg_catalog.jsonb_build_object('archived', n, 'older_than_days', keep_days));
  end if;
  return n;
end
$$;
comment on function public.archive_old_admin_logs(integer) is 'Archives audit entries past their retention; returns the number archived.';

-- Consistency checks the constraints cannot express. One row per check; status 'ok' or 'failed'.
create function public.validate_system_integrity()
returns table (check_name text, status text, issue_count bigint, details text)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.assert_privileged();
  return query
    with checks(check_name, issue_count, details) as (
      select 'users_without_profile', count(*),
             'auth.users rows with no user_profiles row (sign-up trigger missed them)'
        from auth.users u where not exists (select 1 from public.user_profiles p where p.id = u.id)
      union all
      select 'users_without_preferences', count(*), 'auth.users rows with no user_preferences row'
        from auth.users u where not exists (select 1 from public.user_preferences x where x.user_id = u.id)
      union all
      select 'credit_ledger_mismatch', count(*),
             'profiles whose balance differs from their last credit_transactions balance_after'
        from public.user_profiles p
        join lateral (select t.balance_after from public.credit_transactions t
                       where t.user_id = p.id order by t.created_at desc, t.id desc limit 1) last on true
       where last.balance_after <> p.credits
      union all
      select 'completed_orders_without_completed_at', count(*), 'completed orders lacking completed_at'
        from public.orders o where o.status = 'completed' and o.completed_at is null
      union all
      select 'stale_active_orders', count(*), 'orders pending or processing for more than 7 days'
        from public.orders o where o.status in ('pending', 'processing') and o.created_at < pg_catalog.now() - interval '7 days'
      union all
      select 'expired_active_downloads', count(*), 'expired downloads still active (run cleanup_expired_downloads())'
        from public.downloads d where d.is_active and d.expires_at <= pg_catalog.now()
      union all
      select 'payments_refund_mismatch', count(*), 'refunded payments whose refund_amount disagrees with their status'
        from public.payments x
       where (x.status = 'refunded' and x.refund_amount <> x.amount)
          or (x.status = 'partially_refunded' and not (x.refund_amount > 0 and x.refund_amount < x.amount))
      union all
      select 'tables_without_rls', count(*), 'tables in public without row level security'
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
    )
    select c.check_name::text, case when c.issue_count = 0 then 'ok' else 'failed' end::text,
           c.issue_count, c.details::text
      from checks c;
end
$$;
comment on function public.validate_system_integrity() is 'Runs the integrity checks; one row per check (admins and the service role only).';

-- Size and activity of every Creo table, from the statistics collector.
create function public.get_database_stats()
returns table (
  table_name text,
  row_estimate bigint,
  total_bytes bigint,
  table_bytes bigint,
  index_bytes bigint,
  seq_scans bigint,
  index_scans bigint,
  dead_rows bigint,
  last_vacuum timestamptz,
  last_analyze timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.assert_privileged();
  return query
    select s.relname::text,
           s.n_live_tup,
           pg_catalog.pg_total_relation_size(s.relid),
           pg_catalog.pg_table_size(s.relid),
           pg_catalog.pg_indexes_size(s.relid),
           s.seq_scan,
           coalesce(s.idx_scan, 0),
           s.n_dead_tup,
           greatest(s.last_vacuum, s.last_autovacuum),
           greatest(s.last_analyze, s.last_autoanalyze)
      from pg_catalog.pg_stat_user_tables s
     where s.schemaname = 'public'
     order by pg_catalog.pg_total_relation_size(s.relid) desc, s.relname;
end
$$;
comment on function public.get_database_stats() is 'Per-table size and scan statistics of the public schema (admins and the service role only).';
