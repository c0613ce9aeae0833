-- main
drop foreign table public.entries_2020;
