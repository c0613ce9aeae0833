-- Range types (CREATE TYPE ... AS RANGE) and the multirange type each one brings along.
select t.oid::bigint as oid,
       n.nspname as schema,
       t.typname as name,
       format_type(r.rngsubtype, null) as subtype,
       case when r.rngsubopc <> (select o.oid from pg_opclass o
                                  where o.opcmethod = (select oid from pg_am where amname = 'btree')
                                    and o.opcintype = r.rngsubtype and o.opcdefault limit 1)
            then (select quote_ident(on_.nspname) || '.' || quote_ident(o.opcname)
                    from pg_opclass o join pg_namespace on_ on on_.oid = o.opcnamespace
                   where o.oid = r.rngsubopc) end as subtype_opclass,
       case when r.rngcollation <> 0 and r.rngcollation <> st.typcollation then
         (select quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
            from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace
           where co.oid = r.rngcollation) end as collation,
       nullif(r.rngcanonical::regproc::text, '-') as canonical,
       nullif(r.rngsubdiff::regproc::text, '-') as subtype_diff,
       (select quote_ident(mn.nspname) || '.' || quote_ident(m.typname)
          from pg_type m join pg_namespace mn on mn.oid = m.typnamespace
         where m.oid = r.rngmultitypid) as multirange,
       pg_get_userbyid(t.typowner) as owner
  from pg_range r
  join pg_type t on t.oid = r.rngtypid
  join pg_type st on st.oid = r.rngsubtype
  join target_ns n on n.oid = t.typnamespace
 where t.oid not in (select objid from ext_members where classid = 'pg_type'::regclass)
 order by 2, 3
