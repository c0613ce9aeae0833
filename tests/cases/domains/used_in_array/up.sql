-- main
create table public.posts (
  id bigint,
  tags public.tag[]
);
