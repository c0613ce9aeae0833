-- main
drop cast (public.money2 as text);

-- main
create cast (public.money2 as text) with function public.money2_to_text(public.money2) as implicit;
