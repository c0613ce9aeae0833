-- Comments on the target schemas and on anything inside them. Only comments on user objects
-- (oid >= 16384) are named, which keeps pg_identify_object off the built-in ones.
select i.type as object_type,
       i.identity as object,
       d.description as text
  from pg_description d
  cross join lateral pg_identify_object(d.classoid, d.objoid, d.objsubid) i
 where d.objoid >= 16384
   and (i.schema in (select nspname from target_ns)
        or (d.classoid = 'pg_namespace'::regclass and d.objoid in (select oid from target_ns))
        -- policies and triggers have no schema of their own: their table's counts
        or (d.classoid = 'pg_policy'::regclass and d.objoid in (
              select p.oid from pg_policy p join pg_class c on c.oid = p.polrelid
               where c.relnamespace in (select oid from target_ns)))
        or (d.classoid = 'pg_trigger'::regclass and d.objoid in (
              select t.oid from pg_trigger t join pg_class c on c.oid = t.tgrelid
               where c.relnamespace in (select oid from target_ns))))
 order by 1, 2
