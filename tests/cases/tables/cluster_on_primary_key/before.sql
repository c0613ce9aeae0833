create table public.p (id int primary key, price numeric not null, qty int not null); create index p_price on public.p (price); alter table public.p cluster on p_price;
