-- main
revoke insert on table public.items from authenticated;
