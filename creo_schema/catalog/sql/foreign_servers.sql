-- Foreign servers, extension members aside, with the foreign tables that use each outside
-- the managed schemas (a server they use cannot be managed). Option values that hold
-- secrets are never read (see model.py: REDACTED).
select s.oid::bigint as oid,
       s.srvname as name,
       w.fdwname as wrapper,
       s.srvfdw::bigint as wrapper_oid,
       s.srvtype as type,
       s.srvversion as version,
       coalesce((select array_agg(
                   case when lower(split_part(o, '=', 1)) ~ '(password|secret|token|private_key)'
                          or lower(split_part(o, '=', 1)) = 'api_key'
                        then split_part(o, '=', 1) || '=creo:redacted' else o end order by o)
                   from unnest(s.srvoptions) o), '{}') as options,
       pg_get_userbyid(s.srvowner) as owner,
       (select x.extname from pg_depend d join pg_extension x on x.oid = d.refobjid
         where d.classid = 'pg_foreign_data_wrapper'::regclass and d.objid = w.oid
           and d.refclassid = 'pg_extension'::regclass and d.deptype = 'e') as wrapper_extension,
       coalesce((select array_agg(quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                                  order by n.nspname, c.relname)
                   from pg_foreign_table ft
                   join pg_class c on c.oid = ft.ftrelid
                   join pg_namespace n on n.oid = c.relnamespace
                  where ft.ftserver = s.oid
                    and c.relnamespace not in (select oid from target_ns)), '{}')
         as outside_tables
  from pg_foreign_server s
  join pg_foreign_data_wrapper w on w.oid = s.srvfdw
 where s.oid not in (select objid from ext_members where classid = 'pg_foreign_server'::regclass)
 order by 2
