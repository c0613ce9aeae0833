create schema extensions_x;
create extension if not exists pg_trgm with schema extensions_x;
