-- User triggers (constraint triggers of foreign keys are internal and left out, as are the
-- copies a partition gets of its parent's triggers): those on the schemas' tables, and those
-- on any other table (a platform's auth.users) that call one of the schemas' functions,
-- which the app declares and owns.
select t.oid::bigint as oid,
       t.tgrelid::bigint as table_oid,
       n.nspname as schema,
       c.relname as "table",
       t.tgname as name,
       pg_get_triggerdef(t.oid) as definition,
       t.tgenabled::text as enabled,
       quote_ident(pn.nspname) || '.' || quote_ident(p.proname) as function
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_proc p on p.oid = t.tgfoid
  join pg_namespace pn on pn.oid = p.pronamespace
 where not t.tgisinternal and t.tgparentid = 0
   and (c.relnamespace in (select oid from target_ns)
        or p.pronamespace in (select oid from target_ns))
 order by 3, 4, 5
