-- Functions, procedures, aggregates and window functions, with what typegen needs
-- (argument names, modes and type oids; the result type) next to their definitions.
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
       pg_get_userbyid(p.proowner) as owner,
       case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) end as definition,
       coalesce(p.proargnames, '{}') as arg_names,
       coalesce(p.proargmodes::text[], '{}') as arg_modes,
       coalesce(p.proallargtypes::bigint[], p.proargtypes::oid[]::bigint[]) as arg_type_oids,
       p.pronargdefaults::int as default_count,
       p.prorettype::bigint as return_type_oid,
       p.proretset as returns_set
  from pg_proc p
  join target_ns n on n.oid = p.pronamespace
  join pg_language l on l.oid = p.prolang
 order by 2, 3, 5
