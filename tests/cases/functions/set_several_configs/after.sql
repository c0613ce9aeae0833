-- Several SET clauses: one changes, two come, whose order is kept as written.
create function public.report() returns int language sql
  set work_mem = '128MB' set statement_timeout = '30s' set search_path = pg_catalog, public
  as 'select 1';
