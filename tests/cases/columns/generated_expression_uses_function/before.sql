create function public.net(gross numeric) returns numeric language sql immutable as $$ select gross / 1.2 $$;
create table public.sales (gross numeric, net numeric generated always as (public.net(gross)) stored);
