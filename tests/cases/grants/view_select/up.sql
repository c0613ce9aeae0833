-- main
grant select on table public.names to authenticated;
