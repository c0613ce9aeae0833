-- main
grant select on table public.items to service_role with grant option;
