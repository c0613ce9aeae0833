-- main, deletes_data, access_exclusive_lock
drop table public.h3;

-- main, access_exclusive_lock
alter table public.h detach partition public.h1;

-- main, access_exclusive_lock
alter table public.h attach partition public.h1 FOR VALUES WITH (modulus 2, remainder 1);
