-- main, access_exclusive_lock
alter table public.items drop constraint items_name_valid;

-- main
drop function public.is_valid_name(n text);
