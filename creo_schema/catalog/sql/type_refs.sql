-- The types that columns, function arguments and results refer to, with their element and
-- base types: what type generation needs to map a type oid to a language type.
with used(oid) as (
  select a.atttypid from pg_attribute a join pg_class c on c.oid = a.attrelid
    join target_ns n on n.oid = c.relnamespace
   where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c')
  union
  select unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) from pg_proc p
    join target_ns n on n.oid = p.pronamespace
  union
  select p.prorettype from pg_proc p join target_ns n on n.oid = p.pronamespace
  union
  select t.oid from pg_type t join target_ns n on n.oid = t.typnamespace
), closure(oid) as (
  select oid from used
  union
  select t.typelem from used u join pg_type t on t.oid = u.oid where t.typelem <> 0
  union
  select t.typbasetype from used u join pg_type t on t.oid = u.oid where t.typbasetype <> 0
)
select t.oid::bigint as oid,
       n.nspname as schema,
       t.typname as name,
       t.typtype::text as kind,
       t.typcategory::text as category,
       t.typelem::bigint as element_oid,
       t.typbasetype::bigint as base_oid,
       t.typnotnull as not_null,
       t.typrelid::bigint as relation_oid
  from closure u
  join pg_type t on t.oid = u.oid
  join pg_namespace n on n.oid = t.typnamespace
 order by 1
