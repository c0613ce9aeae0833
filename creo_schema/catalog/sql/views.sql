-- View definitions, as the server prints them, and whether a materialized view holds data.
select c.oid::bigint as oid,
       n.nspname as schema,
       c.relname as name,
       c.relkind = 'm' as materialized,
       pg_get_viewdef(c.oid) as definition,
       case when c.reloptions is null then '{}'
            else coalesce((select array_agg(o order by o) from unnest(c.reloptions) o), '{}')
       end as options,
       c.relkind <> 'm' or c.relispopulated as populated
  from pg_class c
  join target_ns n on n.oid = c.relnamespace
 where c.relkind in ('v', 'm')
   and c.oid not in (select objid from ext_members where classid = 'pg_class'::regclass)
 order by 2, 3
