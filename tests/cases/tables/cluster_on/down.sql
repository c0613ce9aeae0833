-- main
alter table public.p set without cluster;
