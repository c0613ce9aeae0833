-- Comments on the target schemas and on anything inside them. Only comments on user objects
-- (oid >= 16384) are named, which keeps pg_identify_object off the built-in ones. The class,
-- oid and sub-id say which object of the snapshot each belongs to.
select i.type as object_type,
       i.identity as object,
       d.description as text,
       d.classoid::regclass::text as class_,
       d.objoid::bigint as objid,
       d.objsubid as subid
  from pg_description d
  cross join lateral pg_identify_object(d.classoid, d.objoid, d.objsubid) i
 where d.objoid >= 16384
   and (d.classoid, d.objoid) not in (select classid, objid from ext_members)
   and (i.schema in (select nspname from target_ns)
        or (d.classoid = 'pg_namespace'::regclass and d.objoid in (select oid from target_ns))
        or d.classoid = 'pg_extension'::regclass
        -- database-level objects: catalog/scope.py keeps those of the managed ones
        or d.classoid in ('pg_cast'::regclass, 'pg_event_trigger'::regclass, 'pg_publication'::regclass,
                          'pg_foreign_data_wrapper'::regclass, 'pg_foreign_server'::regclass)
        -- policies, rules and triggers have no schema of their own: their table's counts
        or (d.classoid = 'pg_policy'::regclass and d.objoid in (
              select p.oid from pg_policy p join pg_class c on c.oid = p.polrelid
               where c.relnamespace in (select oid from target_ns)))
        or (d.classoid = 'pg_rewrite'::regclass and d.objoid in (
              select r.oid from pg_rewrite r join pg_class c on c.oid = r.ev_class
               where c.relnamespace in (select oid from target_ns)))
        or (d.classoid = 'pg_trigger'::regclass and d.objoid in (
              select t.oid from pg_trigger t join pg_class c on c.oid = t.tgrelid
                join pg_proc p on p.oid = t.tgfoid
               where c.relnamespace in (select oid from target_ns)
                  or p.pronamespace in (select oid from target_ns))))
 order by 1, 2
