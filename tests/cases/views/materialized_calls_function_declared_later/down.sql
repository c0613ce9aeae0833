-- main, deletes_data
drop materialized view public.prices_eur;

-- main
drop function public.to_eur(cents integer);
