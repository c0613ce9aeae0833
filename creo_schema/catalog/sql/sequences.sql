-- Sequences, with the column that owns one: `owned_by` for OWNED BY (and serial) columns;
-- `identity` when the owner is an identity column, whose sequence is part of that column.
with owners as (
  select d.objid, d.deptype,
         quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
           as owned_by
    from pg_depend d
    join pg_class t on t.oid = d.refobjid
    join pg_namespace tn on tn.oid = t.relnamespace
    join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
   where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
     and d.deptype in ('a', 'i') and d.refobjsubid > 0
)
select c.oid::bigint as oid,
       n.nspname as schema,
       c.relname as name,
       format_type(s.seqtypid, null) as data_type,
       s.seqstart as start,
       s.seqincrement as increment,
       s.seqmin as min,
       s.seqmax as max,
       s.seqcache as cache,
       s.seqcycle as cycle,
       o.owned_by,
       coalesce(o.deptype = 'i', false) as identity,
       c.relpersistence = 'u' as unlogged,
       pg_get_userbyid(c.relowner) as owner
  from pg_sequence s
  join pg_class c on c.oid = s.seqrelid
  join target_ns n on n.oid = c.relnamespace
  left join owners o on o.objid = c.oid
 where c.oid not in (select objid from ext_members where classid = 'pg_class'::regclass)
 order by 2, 3
