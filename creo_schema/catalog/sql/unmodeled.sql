-- Objects in the target schemas that the snapshot does not model (extension members aside):
-- a plan cannot change or keep what it cannot see, so each one is named and refused.
-- Besides them, the database-level kinds it does not model.
select what as kind, name
  from (
    select 'operator' as what, quote_ident(n.nspname) || '.' || o.oprname as name
      from pg_operator o join target_ns n on n.oid = o.oprnamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_operator'::regclass)
    union all
    select 'operator class', quote_ident(n.nspname) || '.' || quote_ident(o.opcname)
      from pg_opclass o join target_ns n on n.oid = o.opcnamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_opclass'::regclass)
    union all
    select 'operator family', quote_ident(n.nspname) || '.' || quote_ident(o.opfname)
      from pg_opfamily o join target_ns n on n.oid = o.opfnamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_opfamily'::regclass)
    union all
    select 'text search configuration', quote_ident(n.nspname) || '.' || quote_ident(o.cfgname)
      from pg_ts_config o join target_ns n on n.oid = o.cfgnamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_ts_config'::regclass)
    union all
    select 'text search dictionary', quote_ident(n.nspname) || '.' || quote_ident(o.dictname)
      from pg_ts_dict o join target_ns n on n.oid = o.dictnamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_ts_dict'::regclass)
    union all
    select 'text search parser', quote_ident(n.nspname) || '.' || quote_ident(o.prsname)
      from pg_ts_parser o join target_ns n on n.oid = o.prsnamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_ts_parser'::regclass)
    union all
    select 'text search template', quote_ident(n.nspname) || '.' || quote_ident(o.tmplname)
      from pg_ts_template o join target_ns n on n.oid = o.tmplnamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_ts_template'::regclass)
    union all
    select 'conversion', quote_ident(n.nspname) || '.' || quote_ident(o.conname)
      from pg_conversion o join target_ns n on n.oid = o.connamespace
     where o.oid not in (select objid from ext_members where classid = 'pg_conversion'::regclass)
    union all
    select 'base type', quote_ident(n.nspname) || '.' || quote_ident(t.typname)
      from pg_type t join target_ns n on n.oid = t.typnamespace
     where t.typtype in ('b', 'p') and t.typcategory <> 'A'
       and t.oid not in (select objid from ext_members where classid = 'pg_type'::regclass)
    -- Database-level kinds, user-made ones only (catalog/scope.py moves them to `unmanaged`:
    -- a plan refuses one that only schema/ has, and names the target's). The name carries
    -- the definition, so that the same name on both sides means the same object.
    union all
    select 'access method', quote_ident(a.amname) || ' (' ||
           case a.amtype when 't' then 'table' else 'index' end || ', handler ' ||
           a.amhandler::regproc::text || ')'
      from pg_am a
     where a.oid >= 16384
       and a.oid not in (select objid from ext_members where classid = 'pg_am'::regclass)
    union all
    select 'procedural language', quote_ident(l.lanname) || ' (handler ' ||
           l.lanplcallfoid::regproc::text || ')'
      from pg_language l
     where l.oid >= 16384
       and l.oid not in (select objid from ext_members where classid = 'pg_language'::regclass)
    union all
    select 'transform', 'for ' || format_type(t.trftype, null) || ' language ' ||
           quote_ident(l.lanname)
      from pg_transform t join pg_language l on l.oid = t.trflang
     where t.oid not in (select objid from ext_members where classid = 'pg_transform'::regclass)
  ) u
 order by 1, 2
