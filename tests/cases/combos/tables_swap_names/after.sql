create table public.a (y text);
create table public.b (x integer);
