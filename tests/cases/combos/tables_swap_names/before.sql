create table public.a (x integer);
create table public.b (y text);
