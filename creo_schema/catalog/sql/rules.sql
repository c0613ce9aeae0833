-- Rewrite rules (CREATE RULE), not the _RETURN rule every view has.
select r.oid::bigint as oid,
       c.oid::bigint as table_oid,
       n.nspname as schema,
       c.relname as "table",
       r.rulename as name,
       pg_get_ruledef(r.oid) as definition,
       r.ev_enabled::text as enabled
  from pg_rewrite r
  join pg_class c on c.oid = r.ev_class
  join target_ns n on n.oid = c.relnamespace
 where r.rulename <> '_RETURN'
 order by 3, 4, 5
