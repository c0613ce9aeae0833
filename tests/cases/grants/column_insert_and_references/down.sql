-- main
revoke references (id) on table public.profiles from authenticated;

-- main
revoke insert (name) on table public.profiles from authenticated;

-- main
revoke insert (bio) on table public.profiles from authenticated;
