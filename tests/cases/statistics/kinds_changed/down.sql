-- main
drop statistics public.addr_stats;

-- main
CREATE STATISTICS public.addr_stats (dependencies) ON city, zip FROM public.addresses;
