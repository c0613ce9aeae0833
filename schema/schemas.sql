-- `private` holds the helpers that policies and triggers call (is_admin(), the trigger
-- functions). It is not in PostgREST's exposed schemas, so none of it is callable over the
-- Data API; authenticated and service_role only get USAGE so that policies and views evaluated
-- as those roles can call the few helpers granted to them (SUPABASE.md section 7).
create schema private;
comment on schema private is 'Creo internals: RLS helpers and trigger functions. Never exposed through the Data API.';
grant usage on schema private to authenticated, service_role;
