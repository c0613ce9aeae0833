create domain public.zip as text;
create type public.address as (street text, zip public.zip);
