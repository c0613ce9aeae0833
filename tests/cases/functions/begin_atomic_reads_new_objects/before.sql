create table public.t (id int primary key);
