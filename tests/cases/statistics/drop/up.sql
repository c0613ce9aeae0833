-- main
drop statistics public.addr_stats;
