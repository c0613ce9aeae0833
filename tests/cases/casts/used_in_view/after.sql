create type public.money2 as (amount bigint);
create function public.money2_to_text(public.money2) returns text language sql immutable as $$ select ($1).amount::text $$;
create cast (public.money2 as text) with function public.money2_to_text(public.money2) as implicit;
create table public.wallet (id int primary key, balance public.money2);
create view public.wallet_text as select id, balance::text as shown from public.wallet;
