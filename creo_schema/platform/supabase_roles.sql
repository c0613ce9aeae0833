-- The Supabase platform's roles (../shared/SUPABASE.md section 1): the cluster-wide part of the
-- prelude. Roles, their attributes, settings and memberships live in the cluster's shared
-- catalogs, not in a database, and two sessions altering one role at once fail (`tuple
-- concurrently updated`). So this part runs once per cluster and version of this text, under
-- the cluster's lock (shadow/tempdb.py: `ensure_template`), not once per database; supabase.sql,
-- the per-database part, only refers to these roles. The dev database loads the whole prelude
-- in one go, so this part must still run on a cluster where some or all roles exist.

-- 1. Roles ----------------------------------------------------------------------------------

do $roles$
declare
  spec record;
begin
  for spec in
    select * from (values
      -- the API roles PostgREST switches to (INHERIT since 2023)
      ('anon',                       'nologin inherit'),
      ('authenticated',              'nologin inherit'),
      ('service_role',               'nologin inherit bypassrls'),
      -- PostgREST's login role: switches role per request, holds nothing itself
      ('authenticator',              'login noinherit'),
      -- platform-internal roles
      ('supabase_admin',             'login superuser createdb createrole replication bypassrls'),
      ('supabase_auth_admin',        'login noinherit'),
      ('supabase_storage_admin',     'login noinherit'),
      ('supabase_realtime_admin',    'nologin noinherit'),
      ('supabase_functions_admin',   'login noinherit'),
      ('supabase_replication_admin', 'login replication'),
      ('supabase_read_only_user',    'login bypassrls'),
      ('supabase_etl_admin',         'login replication'),
      ('dashboard_user',             'nologin createrole createdb replication'),
      ('pgbouncer',                  'login')
    ) as r(name, attributes)
  loop
    if not exists (select from pg_catalog.pg_roles where rolname = spec.name) then
      begin
        execute format('create role %I %s', spec.name, spec.attributes);
      exception when duplicate_object or unique_violation then
        null; -- a creator that does not take the lock made it a moment ago
      end;
    end if;
    -- Attributes are applied every time: the roles may predate this text (copy_roles makes
    -- them bare, an older version of this text made them otherwise).
    execute format('alter role %I %s', spec.name, spec.attributes);
  end loop;
end
$roles$;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

grant anon, authenticated, service_role to authenticator;
-- `postgres` loads the app schema and must be able to `set role` to the API roles.
grant anon, authenticated, service_role to postgres;
