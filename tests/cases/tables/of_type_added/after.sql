-- A table with the very columns of a composite type becomes that type's typed table
-- (ALTER TABLE ... OF), and back (NOT OF), its rows kept.
create type public.address as (street text, city text);
create table public.addresses of public.address;
