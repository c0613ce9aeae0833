-- main
alter statistics public.addr_stats set statistics 500;
