-- main, access_exclusive_lock
alter table public.slots drop constraint slots_n_even;

-- main
drop function public.is_even(v integer);
