create table public.scores (s int);
create aggregate public.place(variadic "any" order by variadic "any") (
  sfunc = ordered_set_transition_multi, stype = internal, finalfunc = rank_final, finalfunc_extra
);
create view public.place_of_ten as select public.place(10) within group (order by s) as p from public.scores;
