-- Columns of every relation above, numbered without the gaps dropped columns leave.
-- A default without column references (all but generated columns) is printed with no
-- relation for context, which leaves the table unopened; it reads the same.
select n.nspname as schema,
       c.relname as "table",
       a.attname as name,
       row_number() over (partition by n.nspname, c.relname order by a.attnum)::int as position,
       format_type(a.atttypid, a.atttypmod) as type,
       a.atttypid::bigint as type_oid,
       a.attnotnull as not_null,
       case when a.atthasdef then
         (select pg_get_expr(d.adbin, case a.attgenerated when '' then 0 else d.adrelid end)
            from pg_attrdef d
           where d.adrelid = a.attrelid and d.adnum = a.attnum)
       end as "default",
       a.attidentity as identity,
       a.attgenerated as generated,
       case when a.attcollation <> t.typcollation then
         (select quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
            from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace
           where co.oid = a.attcollation)
       end as collation
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join target_ns n on n.oid = c.relnamespace
  join pg_type t on t.oid = a.atttypid
 where c.relkind in ('r', 'p', 'v', 'm', 'f')
   and a.attnum > 0 and not a.attisdropped
 order by n.nspname, c.relname, a.attnum
