-- Every table of every publication's FOR TABLE list, wherever the table lives (whether a
-- publication lists tables outside the managed schemas decides whether it is managed), with
-- its column list (attribute order) and row filter.
select r.oid::bigint as oid,
       r.prpubid::bigint as publication_oid,
       r.prrelid::bigint as table_oid,
       p.pubname as publication,
       n.nspname as schema,
       c.relname as "table",
       case when r.prattrs is null then '{}' else
         coalesce((select array_agg(a.attname order by a.attnum) from pg_attribute a
                    where a.attrelid = r.prrelid and a.attnum = any(r.prattrs::int2[])), '{}')
       end as columns,
       pg_get_expr(r.prqual, r.prrelid) as row_filter
  from pg_publication_rel r
  join pg_publication p on p.oid = r.prpubid
  join pg_class c on c.oid = r.prrelid
  join pg_namespace n on n.oid = c.relnamespace
 order by 4, 5, 6
