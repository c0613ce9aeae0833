-- main
revoke update (name) on table public.items from authenticated;
