-- Sliding-window rate limit: true (and the action is counted) when fewer than limit_count
-- actions of this type happened in the last time_window, false otherwise. Callers for the same
-- user and action are serialised by a transaction-scoped advisory lock, so concurrent calls
-- can never together exceed the limit.
create function public.check_rate_limit(
  user_uuid uuid,
  action_type text,
  limit_count integer,
  time_window interval
)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  used integer;
begin
  if action_type is null or limit_count is null or limit_count < 0
     or time_window is null or time_window <= interval '0' then
    raise exception 'check_rate_limit needs an action type, a limit >= 0 and a positive window'
      using errcode = '22023';
  end if;
  perform private.assert_self_or_privileged(user_uuid);
  perform pg_catalog.pg_advisory_xact_lock(
    pg_catalog.hashtextextended('creo.rate_limit:' || user_uuid::text || ':' || action_type, 0));

  -- clock_timestamp(), not now(): a transaction that waited for the lock must count with the
  -- time it actually acts at.
  select count(*) into used
    from public.rate_limit_events e
   where e.user_id = check_rate_limit.user_uuid
     and e.action_type = check_rate_limit.action_type
     and e.created_at > pg_catalog.clock_timestamp() - check_rate_limit.time_window;
  if used >= limit_count then
    return false;
  end if;
  insert into public.rate_limit_events (user_id, action_type, created_at)
  values (check_rate_limit.user_uuid, check_rate_limit.action_type, pg_catalog.clock_timestamp());
  return true;
end
$$;
comment on function public.check_rate_limit(uuid, text, integer, interval) is
  'Counts an action against a sliding window; false when the limit is reached. Example: check_rate_limit(uid, ''api_calls'', 100, ''1 hour'').';

-- The events check_rate_limit() no longer counts pile up: this deletes those older than
-- older_than (at least the longest window any caller passes, so no count is cut short);
-- returns how many. For pg_cron (as postgres), the service role, or an admin.
create function public.prune_rate_limit_events(older_than interval default interval '1 day')
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
  if older_than is null or older_than <= interval '0' then
    raise exception 'prune_rate_limit_events needs a positive interval' using errcode = '22023';
  end if;
  delete from public.rate_limit_events e
   where e.created_at < pg_catalog.clock_timestamp() - prune_rate_limit_events.older_than;
  get diagnostics n = row_count;
  return n;
end
$$;
comment on function public.prune_rate_limit_events(interval) is
  'Deletes rate-limit events older than older_than (default 1 day; at least the longest window in use); returns how many.';
