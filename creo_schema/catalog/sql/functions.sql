-- Functions, procedures, aggregates and window functions, with what typegen needs
-- (argument names, modes and type oids; the result type) next to their definitions. An
-- aggregate's definition is its CREATE AGGREGATE, spelled out from pg_aggregate (the server
-- has no function that prints one).
select p.oid::bigint as oid,
       n.nspname as schema,
       p.proname as name,
       case p.prokind when 'f' then 'function' when 'p' then 'procedure'
                      when 'a' then 'aggregate' when 'w' then 'window' end as kind,
       pg_get_function_identity_arguments(p.oid) as identity_args,
       pg_get_function_arguments(p.oid) as arguments,
       pg_get_function_result(p.oid) as result,
       l.lanname as language,
       case p.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end
         as volatility,
       p.proisstrict as strict,
       p.prosecdef as security_definer,
       p.proleakproof as leakproof,
       case p.proparallel when 's' then 'safe' when 'r' then 'restricted' else 'unsafe' end
         as parallel,
       coalesce((select array_agg(o order by o) from unnest(p.proconfig) o), '{}') as config,
       -- A range's constructor functions (an internal dependency on it) belong to the
       -- cluster's bootstrap superuser, whatever its name (postgres, supabase_admin): they
       -- are read as the range's owner's, so that two clusters compare alike.
       pg_get_userbyid(coalesce((select t.typowner from pg_depend d join pg_type t on t.oid = d.refobjid
                   where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                     and d.refclassid = 'pg_type'::regclass and d.deptype = 'i'),
                 p.proowner)) as owner,
       case when p.prokind in ('f', 'p', 'w') then pg_get_functiondef(p.oid)
            when p.prokind = 'a' then
              (select 'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.'
                       || quote_ident(p.proname) || '('
                       || coalesce(nullif(pg_get_function_arguments(p.oid), ''), '*') || ') ('
                       || concat_ws(', ',
                               'SFUNC = ' || a.aggtransfn::regproc::text,
                               'STYPE = ' || format_type(a.aggtranstype, null),
                               case when a.aggtransspace <> 0 then 'SSPACE = ' || a.aggtransspace end,
                               case when a.aggfinalfn <> 0 then 'FINALFUNC = ' || a.aggfinalfn::regproc::text end,
                               case when a.aggfinalextra then 'FINALFUNC_EXTRA' end,
                               case when a.aggfinalfn <> 0 and a.aggfinalmodify <> case when a.aggkind = 'n' then 'r' else 'w' end
                                    then 'FINALFUNC_MODIFY = ' || case a.aggfinalmodify when 'r' then 'READ_ONLY' when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
                               case when a.aggcombinefn <> 0 then 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text end,
                               case when a.aggserialfn <> 0 then 'SERIALFUNC = ' || a.aggserialfn::regproc::text end,
                               case when a.aggdeserialfn <> 0 then 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text end,
                               case when a.agginitval is not null then 'INITCOND = ' || quote_literal(a.agginitval) end,
                               case when a.aggmtransfn <> 0 then 'MSFUNC = ' || a.aggmtransfn::regproc::text end,
                               case when a.aggminvtransfn <> 0 then 'MINVFUNC = ' || a.aggminvtransfn::regproc::text end,
                               case when a.aggmtranstype <> 0 then 'MSTYPE = ' || format_type(a.aggmtranstype, null) end,
                               case when a.aggmtransspace <> 0 then 'MSSPACE = ' || a.aggmtransspace end,
                               case when a.aggmfinalfn <> 0 then 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text end,
                               case when a.aggmfinalextra then 'MFINALFUNC_EXTRA' end,
                               -- Moving mode is for plain aggregates only, whose default is READ_ONLY:
                               -- without this, a changed MFINALFUNC_MODIFY was a change nobody saw.
                               case when a.aggmfinalfn <> 0 and a.aggmfinalmodify <> 'r'
                                    then 'MFINALFUNC_MODIFY = ' || case a.aggmfinalmodify when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
                               case when a.aggminitval is not null then 'MINITCOND = ' || quote_literal(a.aggminitval) end,
                               case when a.aggsortop <> 0 then 'SORTOP = OPERATOR(' || a.aggsortop::regoper::text || ')' end,
                               case when p.proparallel <> 'u' then 'PARALLEL = ' || case p.proparallel when 's' then 'SAFE' else 'RESTRICTED' end end,
                               case when a.aggkind = 'h' then 'HYPOTHETICAL' end) || ')'
                 from pg_aggregate a where a.aggfnoid = p.oid)
       end as definition,
       coalesce(p.proargnames, '{}') as arg_names,
       coalesce(p.proargmodes::text[], '{}') as arg_modes,
       coalesce(p.proallargtypes::bigint[], p.proargtypes::oid[]::bigint[]) as arg_type_oids,
       p.pronargdefaults::int as default_count,
       p.prorettype::bigint as return_type_oid,
       p.proretset as returns_set,
       p.procost::text as cost,
       p.prorows::text as rows,
       nullif(p.prosupport::regproc::text, '-') as support
  from pg_proc p
  join target_ns n on n.oid = p.pronamespace
  join pg_language l on l.oid = p.prolang
 where p.oid not in (select objid from ext_members where classid = 'pg_proc'::regclass)
 order by 2, 3, 5
