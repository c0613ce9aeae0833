create domain public.zip as text check (length(value) = 5);
create type public.address as (street text, zip public.zip);
