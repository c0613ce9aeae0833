-- Domains: base type, collation, nullability, default and their CHECK constraints (in name
-- order; a NOT VALID one says so at the end of its definition).
select t.oid::bigint as oid,
       n.nspname as schema,
       t.typname as name,
       format_type(t.typbasetype, t.typtypmod) as base_type,
       t.typbasetype::bigint as base_type_oid,
       t.typnotnull as not_null,
       t.typdefault as "default",
       case when t.typcollation <> 0 and t.typcollation <> b.typcollation then
         (select quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
            from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace
           where co.oid = t.typcollation)
       end as collation,
       coalesce((select array_agg(k.conname order by k.conname)
                   from pg_constraint k where k.contypid = t.oid and k.contype = 'c'), '{}')
         as constraint_names,
       coalesce((select array_agg(pg_get_constraintdef(k.oid) order by k.conname)
                   from pg_constraint k where k.contypid = t.oid and k.contype = 'c'), '{}')
         as constraints,
       coalesce((select array_agg(k.oid::bigint order by k.conname)
                   from pg_constraint k where k.contypid = t.oid and k.contype = 'c'), '{}')
         as constraint_oids,
       pg_get_userbyid(t.typowner) as owner
  from pg_type t
  join target_ns n on n.oid = t.typnamespace
  join pg_type b on b.oid = t.typbasetype
 where t.typtype = 'd'
   and t.oid not in (select objid from ext_members where classid = 'pg_type'::regclass)
 order by 2, 3
