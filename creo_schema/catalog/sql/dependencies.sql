-- Which object needs which, at the level a change is planned: a view on a table, a function
-- on a type, a table's default on a function, a trigger's table on its function. Normal
-- dependencies only: automatic and internal ones (an index or a column on its table) are
-- implied by the structure above. Sub-objects are folded into their owner (a view's rewrite
-- rule into the view, a policy, trigger or default into its table, a column into its table,
-- an array type into its element type, a row type into its table) before naming, so each
-- pair is named once: pg_identify_object per row costs more than the whole catalog read.
with edges as (
  select distinct
         case when d.classid in ('pg_rewrite'::regclass, 'pg_attrdef'::regclass,
                                 'pg_trigger'::regclass, 'pg_policy'::regclass)
                or (d.classid = 'pg_constraint'::regclass and k.contypid = 0)
              then 'pg_class'::regclass::oid
              when d.classid = 'pg_constraint'::regclass then 'pg_type'::regclass::oid
              else d.classid end as classid,
         coalesce(rw.ev_class, ad.adrelid, tg.tgrelid, po.polrelid, nullif(k.conrelid, 0),
                  nullif(k.contypid, 0), d.objid) as objid,
         case when rt.typrelid <> 0 and rc.relkind <> 'c' then 'pg_class'::regclass::oid
              else d.refclassid end as refclassid,
         case when rt.typrelid <> 0 and rc.relkind <> 'c' then rt.typrelid
              when rt.typcategory = 'A' and rt.typelem <> 0 then rt.typelem
              when d.refclassid = 'pg_constraint'::regclass then rk.conrelid
              else d.refobjid end as refobjid
    from pg_depend d
    left join pg_rewrite rw on d.classid = 'pg_rewrite'::regclass and rw.oid = d.objid
    left join pg_attrdef ad on d.classid = 'pg_attrdef'::regclass and ad.oid = d.objid
    left join pg_trigger tg on d.classid = 'pg_trigger'::regclass and tg.oid = d.objid
    left join pg_policy po on d.classid = 'pg_policy'::regclass and po.oid = d.objid
    left join pg_constraint k on d.classid = 'pg_constraint'::regclass and k.oid = d.objid
    left join pg_type rt on d.refclassid = 'pg_type'::regclass and rt.oid = d.refobjid
    left join pg_class rc on rc.oid = rt.typrelid
    left join pg_constraint rk on d.refclassid = 'pg_constraint'::regclass and rk.oid = d.refobjid
   where d.deptype = 'n' and d.objid >= 16384
), pairs as (
  select distinct classid, objid, refclassid, refobjid
    from edges
   where (classid, objid) <> (refclassid, refobjid)
), dependents as (
  select distinct classid, objid from pairs
), owned as (
  select p.classid, p.objid, i.type, i.identity
    from dependents p
    cross join lateral pg_identify_object(p.classid, p.objid, 0) i
   where i.schema in (select nspname from target_ns)
)
select o.type || ' ' || o.identity as dependent,
       r.type || ' ' || r.identity as referenced
  from pairs p
  join owned o on o.classid = p.classid and o.objid = p.objid
  cross join lateral pg_identify_object(p.refclassid, p.refobjid, 0) r
 order by 1, 2
