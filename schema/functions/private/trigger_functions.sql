-- Trigger functions. PostgreSQL checks EXECUTE on a trigger function only when the trigger is
-- created, so none of these is granted to an API role.

-- created_at is set once (column default) and never changes; updated_at follows every UPDATE.
create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_at := old.created_at;
  new.updated_at := pg_catalog.now();
  return new;
end
$$;

-- Refuses changes to the columns named as trigger arguments unless the writer is trusted:
-- an admin, the service role, or SECURITY DEFINER code (whose current_user is the owner, not
-- anon/authenticated). SECURITY INVOKER on purpose: current_user must be the writer's.
create function private.protect_columns()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  column_name text;
  old_row jsonb;
  new_row jsonb;
begin
  if current_user not in ('anon', 'authenticated') or private.is_admin() then
    return new;
  end if;
  old_row := pg_catalog.to_jsonb(old);
  new_row := pg_catalog.to_jsonb(new);
  foreach column_name in array tg_argv loop
    if new_row -> column_name is distinct from old_row -> column_name then
      raise exception 'permission denied: only an administrator may change %.%', tg_table_name, column_name
        using errcode = '42501';
    end if;
  end loop;
  return new;
end
$$;

-- The order status machine: pending -> processing -> completed | failed | cancelled, and
-- pending -> cancelled. Terminal states are final. Applies to every writer, admins included.
create function private.enforce_order_status_transition()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    if not (
         (old.status = 'pending' and new.status in ('processing', 'cancelled'))
      or (old.status = 'processing' and new.status in ('completed', 'failed', 'cancelled'))
    ) then
      raise exception 'invalid order status transition from % to %', old.status, new.status
        using errcode = '23514',
              hint = 'Orders move pending -> processing -> completed, failed or cancelled; a pending order may be cancelled.';
    end if;
    if new.status = 'completed' then
      new.completed_at := coalesce(new.completed_at, pg_catalog.now());
    end if;
  end if;
  return new;
end
$$;

-- New orders start pending, whoever inserts them.
create function private.enforce_order_initial_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status <> 'pending' and current_user in ('anon', 'authenticated') then
    raise exception 'a new order must be pending, not %', new.status using errcode = '23514';
  end if;
  return new;
end
$$;

-- Downloads expire: a link lives `downloads.link_ttl_hours` (system_settings) unless a trusted
-- writer set expires_at. DEFINER so it can read the non-public setting.
create function private.set_download_expiry()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.expires_at is null then
    new.expires_at := pg_catalog.now()
      + pg_catalog.make_interval(hours => (private.setting('downloads.link_ttl_hours', '168'::jsonb) #>> '{}')::integer);
  end if;
  return new;
end
$$;

-- A revoked API key stays revoked, for everyone.
create function private.keep_api_key_revoked()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'API key % is revoked; revocation cannot be undone', old.key_prefix
      using errcode = '42501', hint = 'Create a new key instead.';
  end if;
  return new;
end
$$;

-- A CHECK cannot consult pg_timezone_names, so the timezone is validated here.
create function private.validate_user_preferences()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.timezone) then
    raise exception 'unknown timezone "%"', new.timezone
      using errcode = '22023', hint = 'Use an IANA name such as Europe/Paris or UTC.';
  end if;
  return new;
end
$$;

-- Sign-up: create the profile and the preferences of a new auth.users row. Only the display
-- name and avatar are taken from user-editable metadata; role, credits and plan never are.
create function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  bonus integer := greatest(0, (private.setting('credits.signup_bonus', '0'::jsonb) #>> '{}')::integer);
begin
  insert into public.user_profiles (id, email, full_name, avatar_url, credits)
  values (
    new.id,
    new.email,
    left(coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name'), 200),
    case when new.raw_user_meta_data ->> 'avatar_url' ~* '^https?://' then new.raw_user_meta_data ->> 'avatar_url' end,
    bonus
  )
  on conflict (id) do nothing;
  if found and bonus > 0 then
    insert into public.credit_transactions (user_id, amount, balance_after, reason)
    values (new.id, bonus, bonus, 'signup_bonus');
  end if;
  insert into public.user_preferences (user_id) values (new.id) on conflict (user_id) do nothing;
  return new;
end
$$;

create function private.sync_user_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.user_profiles p set email = new.email where p.id = new.id;
  return new;
end
$$;

-- Audit: changes an admin makes through the Data API are written to admin_logs.
-- Arguments: target_type, key column, owner column ('' if none), 'always' to log even changes
-- to the admin's own rows. Changes made inside SECURITY DEFINER functions (current_user is
-- their owner) are logged by those functions themselves, once per call rather than per row.
create function private.audit_admin_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target_type text := tg_argv[0];
  key_column text := tg_argv[1];
  owner_column text := nullif(tg_argv[2], '');
  always boolean := coalesce(tg_argv[3] = 'always', false);
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then pg_catalog.to_jsonb(old) end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then pg_catalog.to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  changes jsonb;
begin
  if current_user <> 'authenticated' or not private.is_admin() then
    return null;
  end if;
  if not always and owner_column is not null
     and row_data ->> owner_column = (select auth.uid())::text then
    return null; -- an admin using the app for themselves
  end if;
  if tg_op = 'UPDATE' then
    select coalesce(pg_catalog.jsonb_object_agg(n.key, pg_catalog.jsonb_build_object('old', old_row -> n.key, 'new', n.value)), '{}'::jsonb)
      into changes
      from pg_catalog.jsonb_each(new_row) n
     where n.value is distinct from old_row -> n.key
       and n.key not in ('updated_at', 'key_hash');
    if changes = '{}'::jsonb then
      return null;
    end if;
  end if;
  perform public.log_admin_action(
    target_type || '_' || case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end,
    target_type,
    row_data ->> key_column,
    pg_catalog.jsonb_build_object('table', tg_table_name, 'operation', pg_catalog.lower(tg_op))
      || case when tg_op = 'UPDATE' then pg_catalog.jsonb_build_object('changes', changes)
              else pg_catalog.jsonb_build_object('row', row_data - 'key_hash') end
  );
  return null;
end
$$;

-- Who last changed a setting.
create function private.set_updated_by()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_by := (select auth.uid());
  return new;
end
$$;
