-- main
drop statistics public.addr_deps;
