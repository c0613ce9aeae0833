create table public.a1 (x int); create table public.a2 (y int); create table public.c (z int) inherits (public.a1);
