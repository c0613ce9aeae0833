-- main
drop cast (public.money2 as text);
