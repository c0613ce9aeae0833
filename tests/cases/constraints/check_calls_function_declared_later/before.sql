create table public.slots (n int);
