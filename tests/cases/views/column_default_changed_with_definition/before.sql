create table public.p (id int primary key, price numeric not null, qty int not null); create view public.v as select id, qty from public.p; alter view public.v alter column qty set default 1;
