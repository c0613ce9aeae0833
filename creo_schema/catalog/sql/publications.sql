-- Publications of the whole database, extension members aside (catalog/scope.py decides
-- which are managed). `publish_generated_columns` is PostgreSQL 18's (pubgencols), read
-- through the row's JSON so that 15 reads too.
select p.oid::bigint as oid,
       p.pubname as name,
       pg_get_userbyid(p.pubowner) as owner,
       p.puballtables as all_tables,
       array_remove(array[case when p.pubinsert then 'insert' end,
                          case when p.pubupdate then 'update' end,
                          case when p.pubdelete then 'delete' end,
                          case when p.pubtruncate then 'truncate' end], null) as publish,
       p.pubviaroot as via_root,
       case to_jsonb(p) ->> 'pubgencols' when 'n' then 'none' when 's' then 'stored'
                                         else '' end as generated_columns,
       false as platform
  from pg_publication p
 where p.oid not in (select objid from ext_members where classid = 'pg_publication'::regclass)
 order by 2
