-- main
grant insert on table public.items to authenticated;
