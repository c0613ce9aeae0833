-- main, access_exclusive_lock
alter table public.items alter column price drop default;

-- main
drop function public.default_price();
