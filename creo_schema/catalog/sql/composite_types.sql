-- Stand-alone composite types (CREATE TYPE ... AS), not the row types of tables.
select n.nspname as schema,
       t.typname as name,
       coalesce((select array_agg(a.attname order by a.attnum)
                   from pg_attribute a
                  where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}')
         as attribute_names,
       coalesce((select array_agg(format_type(a.atttypid, a.atttypmod) order by a.attnum)
                   from pg_attribute a
                  where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}')
         as attribute_types,
       coalesce((select array_agg(a.atttypid::bigint order by a.attnum)
                   from pg_attribute a
                  where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}')
         as attribute_type_oids
  from pg_class c
  join pg_type t on t.oid = c.reltype and t.typrelid = c.oid
  join target_ns n on n.oid = t.typnamespace
 where c.relkind = 'c' and t.typtype = 'c'
 order by 1, 2
