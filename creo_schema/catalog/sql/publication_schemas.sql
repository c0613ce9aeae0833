-- Every schema of every publication's FOR TABLES IN SCHEMA list (PostgreSQL 15+).
select s.oid::bigint as oid,
       s.pnpubid::bigint as publication_oid,
       p.pubname as publication,
       n.nspname as schema
  from pg_publication_namespace s
  join pg_publication p on p.oid = s.pnpubid
  join pg_namespace n on n.oid = s.pnnspid
 order by 3, 4
