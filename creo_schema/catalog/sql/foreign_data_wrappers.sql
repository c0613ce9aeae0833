-- Foreign-data wrappers, extension members aside (postgres_fdw's own wrapper is the
-- extension's). A wrapper may have no handler and no validator at all (both 0). Option values
-- that hold secrets are never read (see model.py: REDACTED).
select w.oid::bigint as oid,
       w.fdwname as name,
       pg_get_userbyid(w.fdwowner) as owner,
       (select quote_ident(n.nspname) || '.' || quote_ident(p.proname)
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where p.oid = w.fdwhandler) as handler,
       (select quote_ident(n.nspname) || '.' || quote_ident(p.proname)
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where p.oid = w.fdwvalidator) as validator,
       coalesce((select array_agg(
                   case when lower(split_part(o, '=', 1)) ~ '(password|secret|token|private_key)'
                          or lower(split_part(o, '=', 1)) = 'api_key'
                        then split_part(o, '=', 1) || '=creo:redacted' else o end order by o)
                   from unnest(w.fdwoptions) o), '{}') as options,
       coalesce((select array_agg(distinct x.extname order by x.extname)
                   from pg_depend d join pg_extension x on x.oid = d.refobjid
                  where d.classid = 'pg_proc'::regclass
                    and d.objid in (w.fdwhandler, w.fdwvalidator)
                    and d.refclassid = 'pg_extension'::regclass and d.deptype = 'e'), '{}')
         as extensions,
       not exists (
         select from pg_proc p
          where p.oid in (w.fdwhandler, w.fdwvalidator)
            and p.pronamespace <> 'pg_catalog'::regnamespace
            and p.pronamespace not in (select oid from target_ns)
            and p.oid not in (select objid from ext_members where classid = 'pg_proc'::regclass)
       ) as functions_visible
  from pg_foreign_data_wrapper w
 where w.oid not in (
         select objid from ext_members where classid = 'pg_foreign_data_wrapper'::regclass)
 order by 2
