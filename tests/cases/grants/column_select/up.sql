-- main
grant select (id) on table public.items to authenticated;

-- main
grant select (name) on table public.items to authenticated;
