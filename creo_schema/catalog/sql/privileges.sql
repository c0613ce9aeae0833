-- Granted privileges, one row per object and grantee with its sorted privileges. A NULL ACL
-- means the built-in defaults, which are spelled out (acldefault) so that "never granted" and
-- "granted the defaults" compare equal. Each object's ACL is grouped by grantee on its own,
-- which sorts a few items at a time instead of every privilege of every object at once. The
-- class, oid and sub-id (a column's number) say which object of the snapshot it belongs to.
with acls(object_type, object, acl, class, objid, subid) as (
  select case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                        when 'm' then 'materialized view' when 'f' then 'foreign table'
                        else 'table' end,
         quote_ident(n.nspname) || '.' || quote_ident(c.relname),
         coalesce(c.relacl, acldefault((case c.relkind when 'S' then 's' else 'r' end)::"char", c.relowner)),
         'pg_class', c.oid, 0
    from pg_class c join target_ns n on n.oid = c.relnamespace
   where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
     and c.oid not in (select objid from ext_members where classid = 'pg_class'::regclass)
  union all
  select 'column',
         quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname),
         a.attacl, 'pg_class', c.oid, a.attnum::int
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join target_ns n on n.oid = c.relnamespace
   where a.attacl is not null and a.attnum > 0 and not a.attisdropped
  union all
  select case p.prokind when 'p' then 'procedure' else 'function' end,
         quote_ident(n.nspname) || '.' || quote_ident(p.proname)
           || '(' || pg_get_function_identity_arguments(p.oid) || ')',
         -- a range's constructors: as the range's owner's (functions.sql says why)
         coalesce(p.proacl, acldefault('f', coalesce(
           (select t.typowner from pg_depend d join pg_type t on t.oid = d.refobjid
             where d.classid = 'pg_proc'::regclass and d.objid = p.oid
               and d.refclassid = 'pg_type'::regclass and d.deptype = 'i'),
           p.proowner))),
         'pg_proc', p.oid, 0
    from pg_proc p join target_ns n on n.oid = p.pronamespace
   where p.oid not in (select objid from ext_members where classid = 'pg_proc'::regclass)
  union all
  select case t.typtype when 'd' then 'domain' else 'type' end,
         quote_ident(n.nspname) || '.' || quote_ident(t.typname),
         coalesce(t.typacl, acldefault('T', t.typowner)), 'pg_type', t.oid, 0
    from pg_type t join target_ns n on n.oid = t.typnamespace
   where t.typtype in ('e', 'd', 'c', 'r') and (t.typrelid = 0 or exists (
           select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))
     and t.oid not in (select objid from ext_members where classid = 'pg_type'::regclass)
  union all
  select 'schema', quote_ident(n.nspname), coalesce(s.nspacl, acldefault('n', s.nspowner)),
         'pg_namespace', s.oid, 0
    from target_ns n join pg_namespace s on s.oid = n.oid
  -- database-level: catalog/scope.py keeps those of the managed wrappers and servers
  union all
  select 'foreign-data wrapper', quote_ident(w.fdwname),
         coalesce(w.fdwacl, acldefault('F', w.fdwowner)), 'pg_foreign_data_wrapper', w.oid, 0
    from pg_foreign_data_wrapper w
   where w.oid not in (
           select objid from ext_members where classid = 'pg_foreign_data_wrapper'::regclass)
  union all
  select 'foreign server', quote_ident(s.srvname),
         coalesce(s.srvacl, acldefault('S', s.srvowner)), 'pg_foreign_server', s.oid, 0
    from pg_foreign_server s
   where s.oid not in (select objid from ext_members where classid = 'pg_foreign_server'::regclass)
)
select acls.object_type,
       acls.object,
       g.grantee,
       g.privileges,
       acls.class as class_,
       acls.objid::bigint as objid,
       acls.subid
  from acls
  cross join lateral (
    select case e.grantee when 0 then 'public' else pg_get_userbyid(e.grantee) end as grantee,
           array_agg(lower(e.privilege_type) || case when e.is_grantable then '*' else '' end
                     order by lower(e.privilege_type), e.is_grantable) as privileges
      from aclexplode(acls.acl) e
     group by 1) g
 order by 1, 2, 3
