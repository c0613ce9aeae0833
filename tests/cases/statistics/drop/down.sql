-- main
CREATE STATISTICS public.addr_stats ON city, zip FROM public.addresses;
