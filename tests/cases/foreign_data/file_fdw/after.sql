create extension if not exists file_fdw with schema extensions;
create server files foreign data wrapper file_fdw;
create foreign table public.imports (
  line text
) server files options (filename '/dev/null', format 'text');
