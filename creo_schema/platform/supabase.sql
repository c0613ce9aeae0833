-- The Supabase platform, as far as an app schema can see it (../shared/SUPABASE.md sections 1-6):
-- the per-database part of the prelude, loaded into every shadow template and dev database
-- before schema/, as the cluster's superuser `postgres`, once in a fresh database. The roles it
-- names come from supabase_roles.sql, run once per cluster: nothing here may create, alter or
-- grant a role (that would touch the cluster's shared catalogs from every database at once).
--
-- This file models a project created since May 2026: NO automatic grants to the API roles.
-- supabase_legacy_grants.sql adds the older grant-everything default privileges on top.
-- It must load on the embedded PostgreSQL 18 (no pgcrypto, no uuid-ossp) and on Debian's 15.

-- 2. Schemas --------------------------------------------------------------------------------

grant usage on schema public to postgres, anon, authenticated, service_role;

create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;

create schema if not exists auth authorization supabase_admin;
grant all on schema auth to supabase_auth_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role, dashboard_user;

-- 5. Extensions: uuid-ossp and pgcrypto live in `extensions` on Supabase. Where this server
-- lacks them (the embedded PostgreSQL 18 build), compatible SQL functions stand in for the
-- common calls, so that a schema naming extensions.uuid_generate_v4() or extensions.digest()
-- still loads and runs. crypt()/gen_salt()/pgp_* have no core equivalent and are not shimmed.

do $extensions$
begin
  if exists (select from pg_catalog.pg_available_extensions where name = 'uuid-ossp') then
    create extension if not exists "uuid-ossp" with schema extensions;
  elsif not exists (select from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                    where n.nspname = 'extensions' and p.proname = 'uuid_generate_v4') then
    create function extensions.uuid_generate_v4() returns uuid
      language sql volatile parallel safe set search_path = ''
      as 'select pg_catalog.gen_random_uuid()';
    create function extensions.uuid_nil() returns uuid
      language sql immutable parallel safe set search_path = ''
      as $f$select '00000000-0000-0000-0000-000000000000'::uuid$f$;
  end if;

  if exists (select from pg_catalog.pg_available_extensions where name = 'pgcrypto') then
    create extension if not exists pgcrypto with schema extensions;
  elsif not exists (select from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                    where n.nspname = 'extensions' and p.proname = 'digest') then
    create function extensions.digest(data bytea, type text) returns bytea
      language plpgsql immutable strict parallel safe set search_path = ''
      as $f$
      begin
        case lower(type)
          when 'sha224' then return pg_catalog.sha224(data);
          when 'sha256' then return pg_catalog.sha256(data);
          when 'sha384' then return pg_catalog.sha384(data);
          when 'sha512' then return pg_catalog.sha512(data);
          when 'md5' then return pg_catalog.decode(pg_catalog.md5(data), 'hex');
          else raise exception 'Cannot use "%": No such hash algorithm', type using errcode = '22023';
        end case;
      end
      $f$;
    create function extensions.digest(data text, type text) returns bytea
      language sql immutable strict parallel safe set search_path = ''
      as $f$select extensions.digest(pg_catalog.convert_to(data, 'UTF8'), type)$f$;
    create function extensions.gen_random_uuid() returns uuid
      language sql volatile parallel safe set search_path = ''
      as 'select pg_catalog.gen_random_uuid()';
    -- Each 32-byte block hashes two v4 UUIDs (244 random bits from pg_strong_random).
    create function extensions.gen_random_bytes(integer) returns bytea
      language sql volatile strict parallel safe set search_path = ''
      as $f$
        select pg_catalog.substring(
                 pg_catalog.string_agg(
                   pg_catalog.sha256(pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
                                     || pg_catalog.uuid_send(pg_catalog.gen_random_uuid())), ''::bytea),
                 1, $1)
          from pg_catalog.generate_series(1, greatest(1, ($1 + 31) / 32))
      $f$;
  end if;
end
$extensions$;

-- 3. auth.users: the full column list of Supabase Auth's migrations, in ordinal order. -------

create table if not exists auth.users (
  instance_id uuid,
  id uuid not null,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false,
  constraint users_pkey primary key (id),
  constraint users_phone_key unique (phone),
  constraint users_email_change_confirm_status_check
    check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2)
);
comment on table auth.users is 'Auth: Stores user login data within a secure schema.';
comment on column auth.users.is_sso_user is
  'Auth: Set this column to true when the account comes from SSO. These accounts can have duplicate emails.';

-- email is not unique any more: only among non-SSO users; token columns are unique when set.
create unique index if not exists users_email_partial_key on auth.users (email) where is_sso_user = false;
create index if not exists users_instance_id_idx on auth.users (instance_id);
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email::text));
create index if not exists users_is_anonymous_idx on auth.users (is_anonymous);
create unique index if not exists confirmation_token_idx on auth.users (confirmation_token)
  where confirmation_token::text !~ '^[0-9 ]*$';
create unique index if not exists recovery_token_idx on auth.users (recovery_token)
  where recovery_token::text !~ '^[0-9 ]*$';
create unique index if not exists email_change_token_current_idx on auth.users (email_change_token_current)
  where email_change_token_current::text !~ '^[0-9 ]*$';
create unique index if not exists email_change_token_new_idx on auth.users (email_change_token_new)
  where email_change_token_new::text !~ '^[0-9 ]*$';
create unique index if not exists reauthentication_token_idx on auth.users (reauthentication_token)
  where reauthentication_token::text !~ '^[0-9 ]*$';

alter table auth.users enable row level security;
alter table auth.users owner to supabase_auth_admin;
grant all on table auth.users to postgres, dashboard_user;

-- 4. The JWT helpers, as Supabase Auth creates them (owned by supabase_auth_admin). ------------

-- Faithful, traps included (SUPABASE.md section 4): once a session has set request.jwt.claims
-- with set_config(..., true), it reads '' after commit and auth.uid() raises on the json cast.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select
  nullif(
    coalesce(
      current_setting('request.jwt.claim.sub', true),
      (current_setting('request.jwt.claims', true)::jsonb ->> 'sub')
    ),
    ''
  )::uuid
$$;
comment on function auth.uid() is 'Deprecated. Use auth.jwt() -> ''sub'' instead.';

create or replace function auth.role() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
comment on function auth.role() is 'Deprecated. Use auth.jwt() -> ''role'' instead.';

create or replace function auth.email() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
comment on function auth.email() is 'Deprecated. Use auth.jwt() -> ''email'' instead.';

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select
    coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
alter function auth.jwt() owner to supabase_auth_admin;
-- EXECUTE comes from PostgreSQL's PUBLIC default, as on Supabase.

-- Default privileges (SUPABASE.md section 1): the 2026 default grants the API roles nothing on
-- new objects in `public`, and new functions are not executable by PUBLIC either (the
-- documented opt-out revokes that too). The app schema must grant explicitly.
alter default privileges for role postgres in schema public revoke execute on functions from public;
alter default privileges for role supabase_admin in schema public revoke execute on functions from public;

-- Realtime's publication: every project has it, empty until the app adds tables to it
-- (`alter publication supabase_realtime add table public.messages`). It is the platform's:
-- a plan adds and drops the app's tables, never the publication (catalog/scope.py).
create publication supabase_realtime;
-- `postgres` owns it on Supabase (a project's pg_dump says so): the app adds its tables.
alter publication supabase_realtime owner to postgres;
