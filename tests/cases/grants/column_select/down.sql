-- main
revoke select (id) on table public.items from authenticated;

-- main
revoke select (name) on table public.items from authenticated;
