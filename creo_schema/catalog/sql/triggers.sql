-- User triggers (constraint triggers of foreign keys are internal and left out): those on
-- the schemas' tables, and those on any other table (a platform's auth.users) that call one
-- of the schemas' functions, which the app declares and owns.
select n.nspname as schema,
       c.relname as "table",
       t.tgname as name,
       pg_get_triggerdef(t.oid) as definition,
       t.tgenabled::text as enabled,
       pn.nspname || '.' || p.proname as function
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_proc p on p.oid = t.tgfoid
  join pg_namespace pn on pn.oid = p.pronamespace
 where not t.tgisinternal
   and (c.relnamespace in (select oid from target_ns)
        or p.pronamespace in (select oid from target_ns))
 order by 1, 2, 3
