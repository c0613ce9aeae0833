-- Collations created in the target schemas. The locale columns moved between versions
-- (colliculocale in 15-16, colllocale from 17, collicurules from 16): read through to_jsonb
-- so one query serves every version.
select co.oid::bigint as oid,
       n.nspname as schema,
       co.collname as name,
       case co.collprovider when 'c' then 'libc' when 'i' then 'icu' when 'b' then 'builtin'
                            else 'default' end as provider,
       coalesce(j ->> 'colllocale', j ->> 'colliculocale') as locale,
       co.collcollate as lc_collate,
       co.collctype as lc_ctype,
       co.collisdeterministic as deterministic,
       j ->> 'collicurules' as rules,
       pg_get_userbyid(co.collowner) as owner
  from pg_collation co
  join target_ns n on n.oid = co.collnamespace
  cross join lateral to_jsonb(co) j
 where co.oid not in (select objid from ext_members where classid = 'pg_collation'::regclass)
 order by 2, 3
