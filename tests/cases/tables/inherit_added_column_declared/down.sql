-- main, access_exclusive_lock
alter table public.c no inherit public.a2;

-- main, deletes_data, access_exclusive_lock
alter table public.c drop column y;
