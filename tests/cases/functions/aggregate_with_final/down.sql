-- main
drop aggregate public.my_avg(numeric);

-- main
drop function public.avg_acc(acc numeric[], x numeric);

-- main
drop function public.avg_final(acc numeric[]);
