create function public.add_sq(acc numeric, x numeric) returns numeric language sql immutable as $$ select acc + x * x $$;
create aggregate public.sum_sq(numeric) (sfunc = public.add_sq, stype = numeric, initcond = '0');
create collation public.c_copy from "C";
alter aggregate public.sum_sq(numeric) owner to creo_case_owner;
alter collation public.c_copy owner to creo_case_owner;
