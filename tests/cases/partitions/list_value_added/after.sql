create table public.orders (region text not null, id bigint) partition by list (region);
create table public.orders_eu partition of public.orders for values in ('de', 'fr', 'it');
