create domain public.cents as bigint;
create function public.cents_to_text(public.cents) returns text language sql immutable as $$ select ($1/100)::text $$;
create type public.money2 as (amount bigint);
create function public.money2_to_text(public.money2) returns text language sql immutable as $$ select ($1).amount::text $$;
create cast (public.money2 as text) with function public.money2_to_text(public.money2);
