-- main
alter table public.p cluster on p_price;
