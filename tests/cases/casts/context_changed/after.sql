create type public.money2 as (amount bigint);
create function public.money2_to_text(public.money2) returns text language sql immutable as $$ select ($1).amount::text $$;
create function public.money2_to_text2(public.money2) returns text language sql immutable as $$ select 'x' || ($1).amount::text $$;
create cast (public.money2 as text) with function public.money2_to_text(public.money2) as implicit;
