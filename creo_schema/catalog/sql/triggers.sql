-- User triggers (constraint triggers of foreign keys are internal and left out).
select n.nspname as schema,
       c.relname as "table",
       t.tgname as name,
       pg_get_triggerdef(t.oid) as definition,
       t.tgenabled::text as enabled,
       pn.nspname || '.' || p.proname as function
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join target_ns n on n.oid = c.relnamespace
  join pg_proc p on p.oid = t.tgfoid
  join pg_namespace pn on pn.oid = p.pronamespace
 where not t.tgisinternal
 order by 1, 2, 3
