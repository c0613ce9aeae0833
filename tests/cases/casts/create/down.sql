-- main
drop cast (public.money2 as text);

-- main
drop function public.money2_to_text(public.money2);

-- main
drop type public.money2;
