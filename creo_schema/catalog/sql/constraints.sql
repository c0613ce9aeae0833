-- Table and domain constraints. NOT NULL constraints (pg_constraint rows since PostgreSQL 18)
-- are left out: nullability is a column property here, on every version.
select n.nspname as schema,
       coalesce(c.relname, '') as "table",
       k.conname as name,
       case k.contype
         when 'p' then 'primary key' when 'u' then 'unique' when 'f' then 'foreign key'
         when 'c' then 'check' when 'x' then 'exclusion' when 't' then 'trigger'
       end as kind,
       pg_get_constraintdef(k.oid) as definition,
       coalesce((select array_agg(a.attname order by u.ord)
                   from unnest(k.conkey) with ordinality u(attnum, ord)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum), '{}')
         as columns,
       rn.nspname as ref_schema,
       r.relname as ref_table,
       coalesce((select array_agg(a.attname order by u.ord)
                   from unnest(k.confkey) with ordinality u(attnum, ord)
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum), '{}')
         as ref_columns,
       k.condeferrable as deferrable,
       k.condeferred as deferred,
       k.convalidated as validated,
       i.relname as "index"
  from pg_constraint k
  join target_ns n on n.oid = k.connamespace
  left join pg_class c on c.oid = k.conrelid
  left join pg_class r on r.oid = k.confrelid
  left join pg_namespace rn on rn.oid = r.relnamespace
  left join pg_class i on i.oid = k.conindid and k.contype in ('p', 'u', 'x')
 where k.contype <> 'n' and k.contypid = 0
 order by 1, 2, 3
