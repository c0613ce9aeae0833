-- Global (not per-schema): a schema's default privileges can only add to the global ones,
-- so REVOKE ... IN SCHEMA changes nothing PostgreSQL stores.
alter default privileges revoke usage on types from public;
