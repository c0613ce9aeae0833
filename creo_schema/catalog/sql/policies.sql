-- Row-level security policies.
select p.oid::bigint as oid,
       p.polrelid::bigint as table_oid,
       n.nspname as schema,
       c.relname as "table",
       p.polname as name,
       p.polpermissive as permissive,
       case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
                     when 'd' then 'delete' else 'all' end as command,
       case when cardinality(p.polroles) = 1  -- the usual case, with nothing to sort
            then array[case p.polroles[1] when 0 then 'public' else pg_get_userbyid(p.polroles[1]) end]
            else coalesce((select array_agg(x.name order by x.name)
                             from (select case r when 0 then 'public' else pg_get_userbyid(r) end
                                            as name
                                     from unnest(p.polroles) r) x), '{}')
       end as roles,
       pg_get_expr(p.polqual, p.polrelid) as using,
       pg_get_expr(p.polwithcheck, p.polrelid) as with_check
  from pg_policy p
  join pg_class c on c.oid = p.polrelid
  join target_ns n on n.oid = c.relnamespace
 order by 3, 4, 5
