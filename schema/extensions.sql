-- pg_trgm powers the fuzzy-search indexes on user names and saved-search names. Supabase keeps
-- extensions out of `public` (advisor lint 0014), so it goes to the platform's `extensions`
-- schema and its operator classes are named qualified (extensions.gin_trgm_ops).
create extension if not exists pg_trgm with schema extensions;
