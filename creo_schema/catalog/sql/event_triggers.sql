-- Event triggers of the whole database (they have no schema), extension members aside. The
-- function's schema says whose each one is (catalog/scope.py keeps those of the managed
-- schemas' functions and names the rest).
select e.oid::bigint as oid,
       e.evtname as name,
       e.evtevent as event,
       coalesce((select array_agg(t order by t) from unnest(e.evttags) t), '{}') as tags,
       quote_ident(pn.nspname) || '.' || quote_ident(p.proname) as function,
       pn.nspname as function_schema,
       e.evtenabled::text as enabled,
       pg_get_userbyid(e.evtowner) as owner
  from pg_event_trigger e
  join pg_proc p on p.oid = e.evtfoid
  join pg_namespace pn on pn.oid = p.pronamespace
 where e.oid not in (select objid from ext_members where classid = 'pg_event_trigger'::regclass)
 order by 2
