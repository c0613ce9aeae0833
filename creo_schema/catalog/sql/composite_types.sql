-- Stand-alone composite types (CREATE TYPE ... AS), not the row types of tables.
select t.oid::bigint as oid,
       c.oid::bigint as relation_oid,
       n.nspname as schema,
       t.typname as name,
       coalesce((select array_agg(a.attname order by a.attnum)
                   from pg_attribute a
                  where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}')
         as attribute_names,
       coalesce((select array_agg(format_type(a.atttypid, a.atttypmod) order by a.attnum)
                   from pg_attribute a
                  where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}')
         as attribute_types,
       coalesce((select array_agg(coalesce(
                          case when a.attcollation <> at.typcollation then
                            (select quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                               from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace
                              where co.oid = a.attcollation) end, '') order by a.attnum)
                   from pg_attribute a join pg_type at on at.oid = a.atttypid
                  where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}')
         as attribute_collations,
       coalesce((select array_agg(a.atttypid::bigint order by a.attnum)
                   from pg_attribute a
                  where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '{}')
         as attribute_type_oids,
       pg_get_userbyid(t.typowner) as owner
  from pg_class c
  join pg_type t on t.oid = c.reltype and t.typrelid = c.oid
  join target_ns n on n.oid = t.typnamespace
 where c.relkind = 'c' and t.typtype = 'c'
   and t.oid not in (select objid from ext_members where classid = 'pg_type'::regclass)
 order by 3, 4
