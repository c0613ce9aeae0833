-- main
create type public.point2 as (x numeric, y numeric);

-- main
create type public.segment as (a public.point2, b public.point2);

-- main
create table public.drawings (
  id bigint,
  lines public.segment[]
);
