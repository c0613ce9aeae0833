-- main
alter materialized view public.mv set without cluster;
