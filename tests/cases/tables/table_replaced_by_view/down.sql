-- main
drop view public.summary;

-- main
create table public.summary (
  n bigint,
  total numeric
);
