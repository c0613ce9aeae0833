-- main, deletes_data
drop table public.logs;

-- main
create table public.logs (
  at date not null,
  msg text
);
