create table public.a (id int primary key); create table public.b (id int primary key, a_id int, constraint b_a_id_fkey foreign key (a_id) references public.a not enforced);
