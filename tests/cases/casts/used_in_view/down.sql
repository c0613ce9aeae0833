-- main
drop view public.wallet_text;

-- main
drop cast (public.money2 as text);

-- main
drop function public.money2_to_text(public.money2);
