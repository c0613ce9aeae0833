-- main
drop aggregate public.first_text(ORDER BY text);

-- main
drop function public.pick_acc(acc text, x text);
