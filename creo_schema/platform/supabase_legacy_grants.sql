-- Supabase's legacy default privileges (projects created before May 2026, and those that opted
-- out of the new default): every table, view, function and sequence created in `public` by
-- `postgres` or `supabase_admin` is granted ALL to the API roles, and functions keep
-- PostgreSQL's EXECUTE for PUBLIC. Loaded after supabase.sql for `--platform supabase-legacy`.
-- An app schema that carries explicit GRANT/REVOKE statements behaves the same under both.

alter default privileges for role postgres in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant execute on functions to public;
alter default privileges for role postgres in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;

alter default privileges for role supabase_admin in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant execute on functions to public;
alter default privileges for role supabase_admin in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;
