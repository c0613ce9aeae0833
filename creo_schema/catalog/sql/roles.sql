-- The managed roles (roles as code): attributes, role-wide settings, comment. pg_roles,
-- not pg_authid: any role may read it (its password column is always masked).
select r.rolname::text as name,
       r.rolsuper as superuser,
       r.rolcreatedb as createdb,
       r.rolcreaterole as createrole,
       r.rolinherit as inherit,
       r.rolcanlogin as login,
       r.rolreplication as replication,
       r.rolbypassrls as bypassrls,
       r.rolconnlimit as connection_limit,
       -- 'infinity' reads as none: no ALTER ROLE gives NULL back once a time was set
       case when r.rolvaliduntil is null or r.rolvaliduntil = 'infinity' then null
            when not isfinite(r.rolvaliduntil) then r.rolvaliduntil::text
            else to_char(r.rolvaliduntil at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
       end as valid_until,
       coalesce((select array_agg(s.setting order by s.setting)
                   from pg_db_role_setting d, unnest(d.setconfig) as s(setting)
                  where d.setrole = r.oid and d.setdatabase = 0), '{}') as settings,
       shobj_description(r.oid, 'pg_authid') as comment
  from pg_roles r
 where r.rolname = any(%(roles)s::text[])
 order by 1
