-- Enum types with their labels in sort order.
select t.oid::bigint as oid,
       n.nspname as schema,
       t.typname as name,
       (select array_agg(e.enumlabel order by e.enumsortorder)
          from pg_enum e where e.enumtypid = t.oid) as labels,
       pg_get_userbyid(t.typowner) as owner
  from pg_type t
  join target_ns n on n.oid = t.typnamespace
 where t.typtype = 'e'
   and t.oid not in (select objid from ext_members where classid = 'pg_type'::regclass)
 order by 2, 3
