create table public.p (id int primary key, price numeric not null, qty int not null);
alter table public.p alter column qty set (n_distinct = 100);
