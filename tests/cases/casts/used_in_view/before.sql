create type public.money2 as (amount bigint);
create table public.wallet (id int primary key, balance public.money2);
