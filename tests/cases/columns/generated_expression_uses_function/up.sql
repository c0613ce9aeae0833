-- main, access_exclusive_lock
alter table public.sales alter column net set expression as (round(public.net(gross), 2));
