create table public.parent (id int primary key, code int);
