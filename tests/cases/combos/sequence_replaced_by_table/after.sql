create table public.counter (n bigint);
