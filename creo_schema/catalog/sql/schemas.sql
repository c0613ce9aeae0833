-- The managed schemas themselves: who owns each.
select n.oid::bigint as oid,
       n.nspname as name,
       pg_get_userbyid(s.nspowner) as owner
  from target_ns n
  join pg_namespace s on s.oid = n.oid
 order by 2
