-- main, access_exclusive_lock
alter table public.h detach partition public.h1;

-- main
create table public.h3 partition of public.h
  FOR VALUES WITH (modulus 4, remainder 3);

-- main, access_exclusive_lock
alter table public.h attach partition public.h1 FOR VALUES WITH (modulus 4, remainder 1);
