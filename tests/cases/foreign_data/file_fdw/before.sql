create extension if not exists file_fdw with schema extensions;
create server files foreign data wrapper file_fdw;
