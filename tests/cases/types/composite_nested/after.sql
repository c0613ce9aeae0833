create type public.point2 as (x numeric, y numeric);
create type public.segment as (a public.point2, b public.point2);
create table public.drawings (id bigint, lines public.segment[]);
