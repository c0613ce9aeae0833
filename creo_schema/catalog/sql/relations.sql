-- Tables, views, materialized views and foreign tables of the target schemas.
select c.oid::bigint as oid,
       n.nspname as schema,
       c.relname as name,
       case c.relkind
         when 'r' then 'table' when 'p' then 'partitioned table' when 'v' then 'view'
         when 'm' then 'materialized view' when 'f' then 'foreign table'
       end as kind,
       pg_get_userbyid(c.relowner) as owner,
       c.relpersistence = 'u' as unlogged,
       c.relrowsecurity as rls_enabled,
       c.relforcerowsecurity as rls_forced,
       case when c.reloptions is null then '{}'
            else coalesce((select array_agg(o order by o) from unnest(c.reloptions) o), '{}')
       end as options,
       case when c.relispartition then
         (select pn.nspname || '.' || p.relname
            from pg_inherits i join pg_class p on p.oid = i.inhparent
            join pg_namespace pn on pn.oid = p.relnamespace
           where i.inhrelid = c.oid)
       end as partition_of,
       case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relkind in ('v', 'f') then pg_relation_is_updatable(c.oid, false) & 28 = 28
            else c.relkind in ('r', 'p') end as updatable
  from pg_class c
  join target_ns n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p', 'v', 'm', 'f')
 order by 2, 3
