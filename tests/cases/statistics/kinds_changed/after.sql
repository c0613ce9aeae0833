create table public.addresses (id bigint, city text, zip text, country text);
create statistics public.addr_stats (ndistinct, mcv) on city, zip, country from public.addresses;
