-- Indexes of the relations above; key_columns holds null for an expression.
select n.nspname as schema,
       t.relname as "table",
       c.relname as name,
       pg_get_indexdef(x.indexrelid) as definition,
       x.indisunique as "unique",
       x.indisprimary as "primary",
       x.indisvalid as valid,
       (select array_agg(a.attname order by k.ord)
          from unnest(x.indkey[0:x.indnkeyatts - 1]) with ordinality k(attnum, ord)
          left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum)
         as key_columns,
       pg_get_expr(x.indpred, x.indrelid) as predicate,
       k.conname as "constraint"
  from pg_index x
  join pg_class c on c.oid = x.indexrelid
  join pg_class t on t.oid = x.indrelid
  join target_ns n on n.oid = t.relnamespace
  left join pg_constraint k
         on k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u', 'x')
 order by 1, 2, 3
