-- A CHECK calls a function written after the table in the file.
create table public.slots (n int, constraint slots_n_even check (public.is_even(n)));
create function public.is_even(v int) returns boolean language sql immutable as 'select v % 2 = 0';
