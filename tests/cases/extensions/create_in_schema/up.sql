-- main
create extension if not exists pg_trgm with schema extensions_x;

-- main
comment on extension pg_trgm is 'text similarity measurement and index searching based on trigrams';
