-- Domains: base type, nullability, default and their CHECK constraints.
select n.nspname as schema,
       t.typname as name,
       format_type(t.typbasetype, t.typtypmod) as base_type,
       t.typbasetype::bigint as base_type_oid,
       t.typnotnull as not_null,
       t.typdefault as "default",
       coalesce((select array_agg(k.conname || ': ' || pg_get_constraintdef(k.oid)
                                  order by k.conname)
                   from pg_constraint k where k.contypid = t.oid and k.contype = 'c'), '{}')
         as constraints
  from pg_type t
  join target_ns n on n.oid = t.typnamespace
 where t.typtype = 'd'
 order by 1, 2
