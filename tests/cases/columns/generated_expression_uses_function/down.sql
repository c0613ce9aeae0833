-- main, access_exclusive_lock
alter table public.sales alter column net set expression as (public.net(gross));
