-- main, index_dropped
drop index public.hosts_addr;

-- main, index_dropped
drop index public.hosts_name;
