-- main
alter table public.addresses of public.address;
