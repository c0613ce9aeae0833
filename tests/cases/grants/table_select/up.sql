-- main
grant select on table public.items to authenticated;
