-- main, access_exclusive_lock
alter table public.p alter column total set expression as ((price * (qty)::numeric));
