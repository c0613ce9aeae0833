-- main
revoke select on table public.names from authenticated;
