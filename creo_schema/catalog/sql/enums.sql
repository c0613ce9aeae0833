-- Enum types with their labels in sort order.
select n.nspname as schema,
       t.typname as name,
       (select array_agg(e.enumlabel order by e.enumsortorder)
          from pg_enum e where e.enumtypid = t.oid) as labels
  from pg_type t
  join target_ns n on n.oid = t.typnamespace
 where t.typtype = 'e'
 order by 1, 2
