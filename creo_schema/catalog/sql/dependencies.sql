-- Which object needs which, at the level a change is planned: a view on a table, a function
-- on a type, a table (through a default, a policy, a trigger or a constraint) on a function
-- or on another table. Normal dependencies only: automatic and internal ones (an index or a
-- column on its table) are implied by the structure above, as is each object's need for its
-- schema and language. Sub-objects are folded into their owner first (a view's rewrite rule
-- into the view, a column into its table, an array type into its element type, a row type
-- into its table), and each object is named once: pg_identify_object per pg_depend row costs
-- more than the whole catalog read. Only the edges to a type or a constraint look anything up
-- to be folded.
with edges(classid, objid, refclassid, refobjid) as (
  select 'pg_class'::regclass::oid, x.ev_class, d.refclassid, d.refobjid
    from pg_depend d join pg_rewrite x on x.oid = d.objid
   where d.classid = 'pg_rewrite'::regclass and d.objid >= 16384 and d.deptype = 'n'
  union all
  select 'pg_class'::regclass::oid, x.adrelid, d.refclassid, d.refobjid
    from pg_depend d join pg_attrdef x on x.oid = d.objid
   where d.classid = 'pg_attrdef'::regclass and d.objid >= 16384 and d.deptype = 'n'
  union all
  select 'pg_class'::regclass::oid, x.tgrelid, d.refclassid, d.refobjid
    from pg_depend d join pg_trigger x on x.oid = d.objid
   where d.classid = 'pg_trigger'::regclass and d.objid >= 16384 and d.deptype = 'n'
  union all
  select 'pg_class'::regclass::oid, x.polrelid, d.refclassid, d.refobjid
    from pg_depend d join pg_policy x on x.oid = d.objid
   where d.classid = 'pg_policy'::regclass and d.objid >= 16384 and d.deptype = 'n'
  union all
  select case when x.conrelid <> 0 then 'pg_class'::regclass::oid else 'pg_type'::regclass::oid end,
         case when x.conrelid <> 0 then x.conrelid else x.contypid end, d.refclassid, d.refobjid
    from pg_depend d join pg_constraint x on x.oid = d.objid
   where d.classid = 'pg_constraint'::regclass and d.objid >= 16384 and d.deptype = 'n'
  union all
  select d.classid, d.objid, d.refclassid, d.refobjid
    from pg_depend d
   where d.classid in ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass)
     and d.objid >= 16384 and d.deptype = 'n'
), folded as materialized (
  select e.classid, e.objid, e.refclassid, e.refobjid
    from edges e
   where e.refclassid not in ('pg_namespace'::regclass, 'pg_language'::regclass,
                              'pg_type'::regclass, 'pg_constraint'::regclass)
  union
  select e.classid, e.objid,
         case when t.typrelid <> 0 and rc.relkind <> 'c' then 'pg_class'::regclass::oid
              else e.refclassid end,
         case when t.typrelid <> 0 and rc.relkind <> 'c' then t.typrelid
              when t.typcategory = 'A' and t.typelem <> 0 then t.typelem
              else e.refobjid end
    from edges e
    left join pg_type t on t.oid = e.refobjid
    left join pg_class rc on rc.oid = t.typrelid
   where e.refclassid = 'pg_type'::regclass
  union
  select e.classid, e.objid,
         case when k.conrelid <> 0 then 'pg_class'::regclass::oid else e.refclassid end,
         case when k.conrelid <> 0 then k.conrelid else e.refobjid end
    from edges e
    left join pg_constraint k on k.oid = e.refobjid
   where e.refclassid = 'pg_constraint'::regclass
), objects as materialized (
  select o.classid, o.objid, i.type || ' ' || i.identity as name, i.schema
    from (select classid, objid from folded union select refclassid, refobjid from folded) o
    cross join lateral pg_identify_object(o.classid, o.objid, 0) i
)
select a.name as dependent, b.name as referenced
  from folded f
  join objects a on a.classid = f.classid and a.objid = f.objid
  join objects b on b.classid = f.refclassid and b.objid = f.refobjid
 where a.schema in (select nspname from target_ns) and a.name <> b.name
 order by 1, 2
