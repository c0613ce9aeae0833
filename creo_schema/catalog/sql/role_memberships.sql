-- Memberships with a managed role on either side, but the applier's own (PostgreSQL 16
-- makes a role's creator an ADMIN member of it when the creator is no superuser). One row
-- per pair: on 16 grants by several grantors are one membership. {options} is filled in
-- by catalog/roles.py: the INHERIT and SET options, which exist from PostgreSQL 16.
select g.rolname::text as role,
       m.rolname::text as member,
       bool_or(a.admin_option) as admin,
       {options}
  from pg_auth_members a
  join pg_roles g on g.oid = a.roleid
  join pg_roles m on m.oid = a.member
 where (g.rolname = any(%(roles)s::text[]) or m.rolname = any(%(roles)s::text[]))
   and m.rolname <> %(applier)s
 group by 1, 2
 order by 1, 2
