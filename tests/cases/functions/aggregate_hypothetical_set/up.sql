-- main
CREATE AGGREGATE public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);

-- main
comment on aggregate public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") is 'rank of a row not in the group';

-- main
grant execute on function public.my_rank(VARIADIC "any") to creo_case_r1;
