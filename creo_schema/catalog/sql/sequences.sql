-- Sequences, with the column that owns one (serial and identity columns).
select n.nspname as schema,
       c.relname as name,
       format_type(s.seqtypid, null) as data_type,
       s.seqstart as start,
       s.seqincrement as increment,
       s.seqmin as min,
       s.seqmax as max,
       s.seqcache as cache,
       s.seqcycle as cycle,
       (select tn.nspname || '.' || t.relname || '.' || a.attname
          from pg_depend d
          join pg_class t on t.oid = d.refobjid
          join pg_namespace tn on tn.oid = t.relnamespace
          join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
         where d.classid = 'pg_class'::regclass and d.objid = c.oid
           and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')) as owned_by
  from pg_sequence s
  join pg_class c on c.oid = s.seqrelid
  join target_ns n on n.oid = c.relnamespace
 order by 1, 2
