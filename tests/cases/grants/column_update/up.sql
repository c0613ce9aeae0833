-- main
grant update (name) on table public.items to authenticated;
