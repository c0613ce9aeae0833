create table public.t (id int);
