-- View definitions, as the server prints them.
select n.nspname as schema,
       c.relname as name,
       c.relkind = 'm' as materialized,
       pg_get_viewdef(c.oid) as definition,
       case when c.reloptions is null then '{}'
            else coalesce((select array_agg(o order by o) from unnest(c.reloptions) o), '{}')
       end as options
  from pg_class c
  join target_ns n on n.oid = c.relnamespace
 where c.relkind in ('v', 'm')
 order by 1, 2
