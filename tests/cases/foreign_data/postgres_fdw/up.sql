-- main
create extension if not exists postgres_fdw with schema extensions;

-- main
create server warehouse
  foreign data wrapper postgres_fdw
  options (dbname 'analytics', host 'warehouse.internal');

-- main
create user mapping for postgres server warehouse options ("user" 'analyst');

-- main
create foreign table public.daily_sales (
  day date not null,
  total numeric
) server warehouse options (schema_name 'public', table_name 'daily_sales');

-- main
comment on extension postgres_fdw is 'foreign-data wrapper for remote PostgreSQL servers';
