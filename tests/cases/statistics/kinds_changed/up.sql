-- main
drop statistics public.addr_stats;

-- main
CREATE STATISTICS public.addr_stats (ndistinct, mcv) ON city, zip, country FROM public.addresses;
