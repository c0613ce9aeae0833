-- main
CREATE OR REPLACE FUNCTION public.money2_to_text(public.money2)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ select ($1).amount::text $function$;

-- main
create cast (public.money2 as text) with function public.money2_to_text(public.money2) as implicit;

-- main, weakens_security
create view public.wallet_text as
SELECT wallet.id,
    (wallet.balance)::text AS shown
   FROM public.wallet;
