-- main
drop aggregate public.sum_sq(numeric);

-- main
drop function public.add_sq(acc numeric, x numeric);
