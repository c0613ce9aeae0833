create table public.addresses (id bigint, city text, zip text, country text);
create statistics public.addr_stats on city, zip from public.addresses;
