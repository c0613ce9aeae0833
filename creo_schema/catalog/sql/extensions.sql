-- Every installed extension (they are database-wide, whichever schema holds them).
select e.oid::bigint as oid,
       e.extname as name,
       n.nspname as schema,
       e.extversion as version,
       e.extrelocatable as relocatable
  from pg_extension e join pg_namespace n on n.oid = e.extnamespace
 order by 2
