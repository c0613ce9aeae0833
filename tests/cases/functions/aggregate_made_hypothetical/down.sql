-- main
drop view public.place_of_ten;

-- main
drop aggregate public.place(VARIADIC "any" ORDER BY VARIADIC "any");

-- main
CREATE AGGREGATE public.place(VARIADIC "any" ORDER BY VARIADIC "any") (SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA);

-- main
create view public.place_of_ten as
SELECT public.place(10) WITHIN GROUP (ORDER BY s) AS p
   FROM public.scores;
