-- Indexes of the relations above; key_columns holds null for an expression. The key columns
-- of all indexes are named in one join rather than one lookup per index, which keeps the
-- planner's estimate (and so its choice of JIT compilation) near the real cost. An index
-- attached to a partitioned parent's index names that parent (`parent_index`): it comes with
-- the parent's. `definition` is CREATE INDEX as the server prints it, with its WITH (...).
with idx as (
  select x.indexrelid, x.indrelid, x.indkey, x.indnkeyatts, x.indisunique, x.indisprimary,
         x.indisvalid, x.indpred, x.indisreplident, n.nspname, t.relname
    from pg_index x
    join pg_class t on t.oid = x.indrelid
    join target_ns n on n.oid = t.relnamespace
   where x.indexrelid not in (select objid from ext_members where classid = 'pg_class'::regclass)
), keys as (
  select x.indexrelid, array_agg(a.attname order by k.ord) as key_columns
    from idx x
    cross join unnest(x.indkey[0:x.indnkeyatts - 1]) with ordinality k(attnum, ord)
    left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
   group by x.indexrelid
)
select x.indexrelid::bigint as oid,
       x.indrelid::bigint as table_oid,
       x.nspname as schema,
       x.relname as "table",
       c.relname as name,
       pg_get_indexdef(x.indexrelid) as definition,
       x.indisunique as "unique",
       x.indisprimary as "primary",
       x.indisvalid as valid,
       ks.key_columns,
       pg_get_expr(x.indpred, x.indrelid) as predicate,
       k.conname as "constraint",
       (select quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
          from pg_inherits i join pg_class p on p.oid = i.inhparent
          join pg_namespace pn on pn.oid = p.relnamespace
         where i.inhrelid = x.indexrelid) as parent_index,
       c.relkind = 'I' as partitioned,
       case when c.reloptions is null then '{}'
            else coalesce((select array_agg(o order by o) from unnest(c.reloptions) o), '{}')
       end as options,
       -- unset is -1 up to PostgreSQL 16, null from 17
       coalesce((select array_agg(a.attnum || '=' || a.attstattarget order by a.attnum)
                   from pg_attribute a
                  where a.attrelid = x.indexrelid and a.attstattarget >= 0), '{}')
         as statistics_targets
  from idx x
  join pg_class c on c.oid = x.indexrelid
  left join keys ks on ks.indexrelid = x.indexrelid
  left join pg_constraint k
         on k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u', 'x')
 order by 3, 4, 5
