-- An ordered-set aggregate becomes hypothetical-set: a change of kind CREATE OR REPLACE
-- AGGREGATE refuses, so the aggregate is dropped and created again (with what calls it).
create table public.scores (s int);
create aggregate public.place(variadic "any" order by variadic "any") (
  sfunc = ordered_set_transition_multi, stype = internal, finalfunc = rank_final, finalfunc_extra,
  hypothetical
);
create view public.place_of_ten as select public.place(10) within group (order by s) as p from public.scores;
