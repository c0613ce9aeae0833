create table public.items (id int generated always as identity primary key, price numeric);
create table public.g (a int, b int generated always as (a * 2) stored);
create table public.n (id int);
