-- Extended statistics objects (CREATE STATISTICS), with a target set by ALTER STATISTICS.
select s.oid::bigint as oid,
       s.stxrelid::bigint as table_oid,
       n.nspname as schema,
       s.stxname as name,
       pg_get_statisticsobjdef(s.oid) as definition,
       nullif(s.stxstattarget::int, -1) as target,
       pg_get_userbyid(s.stxowner) as owner
  from pg_statistic_ext s
  join target_ns n on n.oid = s.stxnamespace
 order by 3, 4
