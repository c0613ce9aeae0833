create function public.tax(amount numeric) returns double precision language sql immutable as $$ select (amount * 0.2)::double precision $$;
create table public.sales (id bigint, amount numeric);
create view public.taxed as select id, public.tax(amount) as tax from public.sales;
