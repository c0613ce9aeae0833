-- main
alter type public.address drop attribute country;
