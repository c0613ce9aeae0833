-- main
create type public.address as (street text, city text, zip character varying(10));
