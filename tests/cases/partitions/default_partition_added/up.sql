-- main
create table public.logs_other partition of public.logs
  DEFAULT;
