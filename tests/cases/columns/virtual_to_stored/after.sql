create table public.p (id int primary key, price numeric not null, qty int not null, total numeric generated always as (price * qty) stored);
