-- A hypothetical-set aggregate: the direct arguments are a row that is not in the group,
-- ranked among the ordered ones (the built-in rank() WITHIN GROUP is one).
create aggregate public.my_rank(variadic "any" order by variadic "any") (
  sfunc = ordered_set_transition_multi, stype = internal,
  finalfunc = rank_final, finalfunc_extra, hypothetical
);
comment on aggregate public.my_rank(variadic "any" order by variadic "any") is 'rank of a row not in the group';
grant execute on function public.my_rank(variadic "any") to creo_case_r1;
