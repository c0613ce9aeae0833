-- main
alter table public.sales drop column net;

-- main, access_exclusive_lock
alter table public.sales add column net numeric generated always as (public.net(gross)) stored;
