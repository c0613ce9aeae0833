-- Authorization helpers for policies, views and functions.
--
-- Decision: an admin is a user whose user_profiles.role is 'admin'. Unlike a JWT app_metadata
-- claim it takes effect at once (no token refresh), can be revoked at once, and is audited by
-- the user_profiles audit trigger. It is read through a SECURITY DEFINER function so that
-- policies on user_profiles can call it without recursing into their own RLS.

create function private.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
      from public.user_profiles p
     where p.id = (select auth.uid())
       and p.role = 'admin'::public.user_role
  )
$$;
comment on function private.is_admin() is 'True when the requesting user (auth.uid()) has role admin. Used by policies as (select private.is_admin()).';

-- A privileged caller may run the admin and maintenance functions: an admin user, or a session
-- that is not an end-user request at all. PostgREST runs every request under `set local role`
-- anon/authenticated/service_role; the `role` setting keeps that value inside SECURITY DEFINER
-- functions (which only change current_user), so it names the caller. service_role (the backend)
-- and direct connections such as postgres / pg_cron ('none') are trusted; who may EXECUTE at
-- all is still decided by the grants (never anon, never PUBLIC).
create function private.is_privileged()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif(pg_catalog.current_setting('role', true), ''), 'none') not in ('anon', 'authenticated')
         or private.is_admin()
$$;
comment on function private.is_privileged() is 'True for admins, the service role and direct (non-API) sessions.';

create function private.assert_privileged()
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not private.is_privileged() then
    raise exception 'admin privileges required'
      using errcode = '42501', hint = 'This function is for administrators and the service role.';
  end if;
end
$$;

create function private.assert_self_or_privileged(target_user uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if target_user is null then
    raise exception 'a user id is required' using errcode = '22004';
  end if;
  if target_user is distinct from (select auth.uid()) and not private.is_privileged() then
    raise exception 'permission denied: cannot act on another user''s account'
      using errcode = '42501';
  end if;
end
$$;

-- A setting's value, or the fallback when it is missing. Called from SECURITY DEFINER code only.
create function private.setting(setting_key text, fallback jsonb)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce((select s.value from public.system_settings s where s.key = setting_key), fallback)
$$;
