-- main, deletes_data
drop sequence public.counter;

-- main
create table public.counter (
  n bigint
);
