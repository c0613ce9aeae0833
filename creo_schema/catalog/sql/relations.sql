-- Tables, views, materialized views and foreign tables of the target schemas. A partition
-- names its parent (and the bound); plain inheritance lists the parents in order.
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
         (select quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
            from pg_inherits i join pg_class p on p.oid = i.inhparent
            join pg_namespace pn on pn.oid = p.relnamespace
           where i.inhrelid = c.oid)
       end as partition_of,
       case when c.relispartition then
         (select i.inhparent::bigint from pg_inherits i where i.inhrelid = c.oid)
       end as partition_parent_oid,
       case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
       -- A foreign table asks its wrapper's handler, which a wrapper may not have: then
       -- nothing can be written through it (and asking would fail).
       case when c.relkind = 'v' or (c.relkind = 'f' and exists (
                   select from pg_foreign_table ft
                     join pg_foreign_server s on s.oid = ft.ftserver
                     join pg_foreign_data_wrapper w on w.oid = s.srvfdw
                    where ft.ftrelid = c.oid and w.fdwhandler <> 0))
              then pg_relation_is_updatable(c.oid, false) & 28 = 28
            else c.relkind in ('r', 'p') end as updatable,
       case when c.relispartition then '{}' else
         coalesce((select array_agg(quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
                                    order by i.inhseqno)
                     from pg_inherits i join pg_class p on p.oid = i.inhparent
                     join pg_namespace pn on pn.oid = p.relnamespace
                    where i.inhrelid = c.oid), '{}')
       end as inherits,
       case when c.relispartition then '{}' else
         coalesce((select array_agg(i.inhparent::bigint order by i.inhseqno)
                     from pg_inherits i where i.inhrelid = c.oid), '{}')
       end as inherits_oids,
       case c.relreplident when 'd' then 'default' when 'n' then 'nothing' when 'f' then 'full'
                           else 'index' end as replica_identity,
       case when c.relreplident = 'i' then
         (select ic.relname from pg_index x join pg_class ic on ic.oid = x.indexrelid
           where x.indrelid = c.oid and x.indisreplident)
       end as replica_index,
       (select ic.relname from pg_index x join pg_class ic on ic.oid = x.indexrelid
         where x.indrelid = c.oid and x.indisclustered) as clustered_index,
       -- A typed table (CREATE TABLE ... OF type): the composite type it is of.
       (select quote_ident(tn.nspname) || '.' || quote_ident(t.typname)
          from pg_type t join pg_namespace tn on tn.oid = t.typnamespace
         where t.oid = c.reloftype) as of_type,
       case when c.relkind = 'f' then
         (select quote_ident(s.srvname) from pg_foreign_table ft
            join pg_foreign_server s on s.oid = ft.ftserver where ft.ftrelid = c.oid)
       end as foreign_server,
       case when c.relkind = 'f' then
         coalesce((select array_agg(o order by o) from pg_foreign_table ft,
                          unnest(ft.ftoptions) o where ft.ftrelid = c.oid), '{}')
       else '{}' end as foreign_options
  from pg_class c
  join target_ns n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p', 'v', 'm', 'f')
   and c.oid not in (select objid from ext_members where classid = 'pg_class'::regclass)
 order by 2, 3
