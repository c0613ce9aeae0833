-- Columns of every relation above, numbered without the gaps dropped columns leave.
-- A default without column references (all but generated columns) is printed with no
-- relation for context, which leaves the table unopened; it reads the same. Storage and
-- compression are given only where they differ from the type's own; `inherited` marks a
-- column that exists only because a parent (or a partitioned table) has it. Of the
-- attribute options, `options` holds those a user can set (model.USER_COLUMN_OPTIONS);
-- `server_options` names the others, which a server stamps on its own (Debian's 15.20 and
-- later: `pg_attver=<n>`, different on every server) and which are never compared.
select c.oid::bigint as table_oid,
       a.attnum::int as attnum,
       n.nspname as schema,
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
       end as collation,
       case when a.attstorage <> t.typstorage then
         case a.attstorage when 'p' then 'plain' when 'e' then 'external' when 'm' then 'main'
                           else 'extended' end
       end as storage,
       case t.typstorage when 'p' then 'plain' when 'e' then 'external' when 'm' then 'main'
                         else 'extended' end as type_storage,
       case a.attcompression when 'p' then 'pglz' when 'l' then 'lz4' end as compression,
       nullif(a.attstattarget::int, -1) as statistics,
       not a.attislocal as inherited,
       -- The sequence's name only where it is not the one PostgreSQL would choose: a
       -- SEQUENCE NAME is part of the column's declaration like its options.
       case when a.attidentity <> '' then
         (select case when sc.relname <> c.relname || '_' || a.attname || '_seq'
                        or sc.relnamespace <> c.relnamespace
                      then 'SEQUENCE NAME ' || quote_ident(sn.nspname) || '.'
                           || quote_ident(sc.relname) || ' '
                      else '' end
                 || 'START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement
                 || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax
                 || ' CACHE ' || s.seqcache
                 || case when s.seqcycle then ' CYCLE' else ' NO CYCLE' end
            from pg_depend d join pg_sequence s on s.seqrelid = d.objid
            join pg_class sc on sc.oid = s.seqrelid
            join pg_namespace sn on sn.oid = sc.relnamespace
           where d.refclassid = 'pg_class'::regclass and d.refobjid = a.attrelid
             and d.refobjsubid = a.attnum and d.classid = 'pg_class'::regclass
             and d.deptype = 'i')
       end as identity_options,
       case when a.attfdwoptions is null then '{}'
            else (select array_agg(o order by o) from unnest(a.attfdwoptions) o)
       end as fdw_options,
       coalesce((select array_agg(o order by o) from unnest(a.attoptions) o
                  where split_part(o, '=', 1) in ('n_distinct', 'n_distinct_inherited')),
                '{}') as options,
       coalesce((select array_agg(distinct split_part(o, '=', 1)) from unnest(a.attoptions) o
                  where split_part(o, '=', 1) not in ('n_distinct', 'n_distinct_inherited')),
                '{}') as server_options
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join target_ns n on n.oid = c.relnamespace
  join pg_type t on t.oid = a.atttypid
 where c.relkind in ('r', 'p', 'v', 'm', 'f')
   and a.attnum > 0 and not a.attisdropped
   and c.oid not in (select objid from ext_members where classid = 'pg_class'::regclass)
 order by n.nspname, c.relname, a.attnum
