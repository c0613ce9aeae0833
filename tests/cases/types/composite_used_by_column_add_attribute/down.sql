-- main, deletes_data
alter type public.address drop attribute country;
