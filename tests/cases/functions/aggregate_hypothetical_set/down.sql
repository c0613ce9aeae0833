-- main
drop aggregate public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any");
