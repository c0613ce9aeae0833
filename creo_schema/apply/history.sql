-- The migration history kept in every target (the guide's db:list and db:rollback).
-- Schema creo_schema is never managed or diffed.
create schema if not exists creo_schema;
revoke all on schema creo_schema from public;

create table if not exists creo_schema.migrations (
  id bigint generated always as identity primary key,
  applied_at timestamptz not null default now(),
  applied_by text not null,
  kind text not null check (kind in ('apply', 'rollback')),
  -- running: the main transaction committed, later phases had not finished (yet).
  status text not null check (status in ('running', 'applied', 'failed', 'rolled_back')),
  rolls_back bigint references creo_schema.migrations (id),
  source_fingerprint text not null,
  schema_fingerprint_before text not null,
  schema_fingerprint_after text,
  managed_schemas text[] not null,
  extensions text[] not null default '{}',
  up_sql text not null,
  down_sql text not null,
  duration_ms integer,
  error text,
  backup_id text,
  tool_version text not null,
  -- the rollback's statements with their hazards as planned (PlannedStatement as JSON);
  -- null on rows older than this column, whose rollback is classified again from down_sql
  down_statements jsonb,
  -- the versions apply recorded in supabase_migrations.schema_migrations, which its
  -- rollback removes; null on rows older than this column
  supabase_versions text[],
  -- the catalog signature (catalog/signature.sql) the schema_fingerprint_after was read at:
  -- while the catalog still has it, a rollback need not read the catalog again
  schema_signature_after text,
  -- roles as code: the roles the migration managed (a role no longer declared is dropped
  -- by the next plan); null on rows older than this column
  managed_roles text[],
  -- the subscriptions the migration managed (they have no schema): the next plan still
  -- manages them, so one schema/ no longer declares is dropped; null on older rows
  subscriptions text[]
);

-- Databases whose history predates a column get it here: this file is run again then.
alter table creo_schema.migrations add column if not exists down_statements jsonb;
alter table creo_schema.migrations add column if not exists supabase_versions text[];
alter table creo_schema.migrations add column if not exists schema_signature_after text;
alter table creo_schema.migrations add column if not exists managed_roles text[];
alter table creo_schema.migrations add column if not exists subscriptions text[];
