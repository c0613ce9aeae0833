-- Table constraints. NOT NULL constraints (pg_constraint rows since PostgreSQL 18) are left
-- out: nullability is a column property here, on every version. Domain constraints live on
-- their domain. The columns of all constraints are named in one join rather than one lookup
-- per constraint, which keeps the planner's estimate (and so its choice of JIT compilation)
-- near the real cost. `inherited` marks a constraint a table has only from its parent (a
-- partition's copy of its parent's, or an inherited CHECK): it comes and goes with the parent.
with cons as (
  select k.oid, k.conname, k.contype, k.conrelid, k.confrelid, k.conindid, k.conkey, k.confkey,
         k.condeferrable, k.condeferred, k.convalidated, k.connoinherit, k.conislocal,
         k.coninhcount, k.conparentid, n.nspname,
         coalesce((to_jsonb(k) ->> 'conenforced')::boolean, true) as enforced
    from pg_constraint k
    join target_ns n on n.oid = k.connamespace
   where k.contype <> 'n' and k.contypid = 0
), keys as (
  select k.oid,
         array_agg(a.attname order by u.ord) filter (where u.referenced = false) as columns,
         array_agg(a.attname order by u.ord) filter (where u.referenced) as ref_columns
    from cons k
    cross join lateral (
      select false as referenced, k.conrelid as relid, attnum, ord
        from unnest(k.conkey) with ordinality c(attnum, ord)
      union all
      select true, k.confrelid, attnum, ord
        from unnest(k.confkey) with ordinality c(attnum, ord)) u
    join pg_attribute a on a.attrelid = u.relid and a.attnum = u.attnum
   group by k.oid
)
select k.oid::bigint as oid,
       k.conrelid::bigint as table_oid,
       k.nspname as schema,
       coalesce(c.relname, '') as "table",
       k.conname as name,
       case k.contype
         when 'p' then 'primary key' when 'u' then 'unique' when 'f' then 'foreign key'
         when 'c' then 'check' when 'x' then 'exclusion' when 't' then 'trigger'
       end as kind,
       pg_get_constraintdef(k.oid) as definition,
       coalesce(ks.columns, '{}') as columns,
       rn.nspname as ref_schema,
       r.relname as ref_table,
       coalesce(ks.ref_columns, '{}') as ref_columns,
       k.confrelid::bigint as ref_table_oid,
       k.condeferrable as deferrable,
       k.condeferred as deferred,
       k.convalidated as validated,
       i.relname as "index",
       k.connoinherit as no_inherit,
       (not k.conislocal) or k.conparentid <> 0 as inherited,
       k.enforced
  from cons k
  left join keys ks on ks.oid = k.oid
  left join pg_class c on c.oid = k.conrelid
  left join pg_class r on r.oid = k.confrelid
  left join pg_namespace rn on rn.oid = r.relnamespace
  left join pg_class i on i.oid = k.conindid and k.contype in ('p', 'u', 'x')
 order by 3, 4, 5
