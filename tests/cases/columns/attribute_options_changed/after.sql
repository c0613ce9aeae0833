create table public.p (id int primary key, price numeric not null, qty int not null);
alter table public.p alter column qty set (n_distinct = -0.5);
create table public.q (id int primary key, kind text);
alter table public.q alter column kind set (n_distinct = 12);
