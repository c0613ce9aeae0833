-- main, access_exclusive_lock
alter table public.tickets alter column code drop default;

-- main
drop function public.new_code();
