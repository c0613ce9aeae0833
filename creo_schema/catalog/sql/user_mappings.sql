-- User mappings, through the pg_user_mappings view: the catalog itself is readable by
-- superusers only (its options may hold passwords). The view hides a mapping's options from
-- whoever may not see them (its condition is repeated here); hidden ones read as the single
-- option 'creo:hidden', which no plan writes. Option values that hold secrets are never read
-- (see model.py: REDACTED).
select m.umid::bigint as oid,
       m.srvid::bigint as server_oid,
       m.srvname as server,
       m.usename as "user",
       case when (m.umuser <> 0 and m.usename = current_user
                  and (pg_has_role(s.srvowner, 'USAGE') or has_server_privilege(s.oid, 'USAGE')))
              or (m.umuser = 0 and pg_has_role(s.srvowner, 'USAGE'))
              or (select r.rolsuper from pg_roles r where r.rolname = current_user)
            then coalesce((select array_agg(
                   case when lower(split_part(o, '=', 1)) ~ '(password|secret|token|private_key)'
                          or lower(split_part(o, '=', 1)) = 'api_key'
                        then split_part(o, '=', 1) || '=creo:redacted' else o end order by o)
                   from unnest(m.umoptions) o), '{}')
            else array['creo:hidden'] end as options
  from pg_user_mappings m
  join pg_foreign_server s on s.oid = m.srvid
 where s.oid not in (select objid from ext_members where classid = 'pg_foreign_server'::regclass)
 order by 3, 4
