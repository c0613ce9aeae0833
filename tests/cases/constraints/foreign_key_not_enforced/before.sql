create table public.a (id int primary key); create table public.b (id int primary key, a_id int references public.a);
