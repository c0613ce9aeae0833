-- main
drop aggregate public.total(integer);

-- main
drop function public.add_int(a integer, b integer);
