-- ALTER DEFAULT PRIVILEGES in the target schemas, and the global ones (no schema; large
-- objects, PostgreSQL 18, have only those).
select pg_get_userbyid(d.defaclrole) as role,
       n.nspname as schema,
       case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences'
                            when 'f' then 'functions' when 'T' then 'types'
                            when 'n' then 'schemas' when 'L' then 'large objects'
                            end as object_type,
       case e.grantee when 0 then 'public' else pg_get_userbyid(e.grantee) end as grantee,
       array_agg(lower(e.privilege_type) || case when e.is_grantable then '*' else '' end
                 order by lower(e.privilege_type)) as privileges
  from pg_default_acl d
  left join pg_namespace n on n.oid = d.defaclnamespace
  cross join lateral aclexplode(d.defaclacl) e
 where d.defaclnamespace = 0 or d.defaclnamespace in (select oid from target_ns)
 group by 1, 2, 3, 4
 order by 1, 2, 3, 4
