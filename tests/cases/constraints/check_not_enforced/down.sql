-- main, access_exclusive_lock
alter table public.p drop constraint pos;

-- main, access_exclusive_lock
alter table public.p add constraint pos CHECK ((price > (0)::numeric));
