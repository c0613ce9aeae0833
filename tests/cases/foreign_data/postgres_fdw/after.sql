create extension if not exists postgres_fdw with schema extensions;
create server warehouse foreign data wrapper postgres_fdw
  options (host 'warehouse.internal', dbname 'analytics');
create user mapping for postgres server warehouse options (user 'analyst');
create foreign table public.daily_sales (
  day date not null,
  total numeric
) server warehouse options (schema_name 'public', table_name 'daily_sales');
