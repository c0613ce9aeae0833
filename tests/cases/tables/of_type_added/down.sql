-- main
alter table public.addresses not of;
