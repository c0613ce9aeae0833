-- User-defined casts (CREATE CAST), extension members aside. A cast has no schema: it is
-- managed when its source type, its target type or its function lives in a managed schema
-- (catalog/scope.py names the others and leaves them alone).
select c.oid::bigint as oid,
       format_type(c.castsource, null) as source,
       format_type(c.casttarget, null) as target,
       case when c.castfunc <> 0 then c.castfunc::regprocedure::text else '' end as function,
       c.castcontext::text as context,
       c.castmethod::text as method,
       (st.typnamespace in (select oid from target_ns)
        or tt.typnamespace in (select oid from target_ns)
        or coalesce(p.pronamespace in (select oid from target_ns), false)) as managed
  from pg_cast c
  join pg_type st on st.oid = c.castsource
  join pg_type tt on tt.oid = c.casttarget
  left join pg_proc p on p.oid = c.castfunc
 where c.oid >= 16384
   and c.oid not in (select objid from ext_members where classid = 'pg_cast'::regclass)
   -- a range type's cast to its multirange is made with it (an internal dependency)
   and not exists (select from pg_depend d where d.classid = 'pg_cast'::regclass
                    and d.objid = c.oid and d.deptype = 'i')
 order by 2, 3
