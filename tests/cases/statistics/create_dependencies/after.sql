create table public.addresses (id bigint, city text, zip text, country text);
create statistics public.addr_deps (dependencies) on city, zip from public.addresses;
