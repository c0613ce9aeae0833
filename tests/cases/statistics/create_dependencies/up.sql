-- main
CREATE STATISTICS public.addr_deps (dependencies) ON city, zip FROM public.addresses;
