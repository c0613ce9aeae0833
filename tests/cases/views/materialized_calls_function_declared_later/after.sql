-- A materialized view calls a function written after it in the file.
create table public.prices (cents int);
create materialized view public.prices_eur as select public.to_eur(cents) as eur from public.prices;
create function public.to_eur(cents int) returns numeric language sql immutable as 'select cents / 100.0';
