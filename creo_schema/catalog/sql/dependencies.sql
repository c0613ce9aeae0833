-- Which object needs which, as pg_depend records it (normal and automatic dependencies of
-- user objects), named by class, oid and sub-id; the differ maps them onto the snapshot's
-- objects and ignores the rest. Two folds happen here, where the catalogs are at hand: a
-- view's rewrite rule stands for its view, and a column default (pg_attrdef) is named by its
-- table and column number; on the referenced side an array type stands for its element type
-- and a table's row type for the table.
with raw as (
  select d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid
    from pg_depend d
   where d.objid >= 16384 and d.deptype in ('n', 'a')
     and d.refclassid <> 'pg_language'::regclass
     -- an object's schema is part of its name (moved, it is another object), but an
     -- extension moves in place (SET SCHEMA): its old schema is dropped only after it
     and (d.refclassid <> 'pg_namespace'::regclass or d.classid = 'pg_extension'::regclass)
     and (d.classid, d.objid) not in (select classid, objid from ext_members)
), named as (
  select case when r.classid = 'pg_rewrite'::regclass and w.rulename = '_RETURN' then 'pg_class'
              when r.classid = 'pg_attrdef'::regclass then 'pg_attrdef'
              else r.classid::regclass::text end as dependent_class,
         case when r.classid = 'pg_rewrite'::regclass and w.rulename = '_RETURN' then w.ev_class
              when r.classid = 'pg_attrdef'::regclass then ad.adrelid
              else r.objid end::bigint as dependent_oid,
         case when r.classid = 'pg_attrdef'::regclass then ad.adnum::int
              when r.classid = 'pg_rewrite'::regclass then 0
              else r.objsubid end as dependent_sub,
         case when r.refclassid = 'pg_type'::regclass and t.typrelid <> 0 and tc.relkind <> 'c'
                then 'pg_class'
              else r.refclassid::regclass::text end as referenced_class,
         case when r.refclassid = 'pg_type'::regclass and t.typrelid <> 0 and tc.relkind <> 'c'
                then t.typrelid
              when r.refclassid = 'pg_type'::regclass and t.typcategory = 'A' and t.typelem <> 0
                then t.typelem
              when r.refclassid = 'pg_type'::regclass and t.typrelid <> 0 and tc.relkind = 'c'
                then t.oid
              else r.refobjid end::bigint as referenced_oid,
         case when r.refclassid = 'pg_type'::regclass then 0 else r.refobjsubid end
           as referenced_sub
    from raw r
    left join pg_rewrite w on r.classid = 'pg_rewrite'::regclass and w.oid = r.objid
    left join pg_attrdef ad on r.classid = 'pg_attrdef'::regclass and ad.oid = r.objid
    left join pg_type t on r.refclassid = 'pg_type'::regclass and t.oid = r.refobjid
    left join pg_class tc on tc.oid = t.typrelid
)
select distinct * from named
 where not (dependent_class = referenced_class and dependent_oid = referenced_oid
            and dependent_sub = referenced_sub)
 order by 1, 2, 3, 4, 5, 6
