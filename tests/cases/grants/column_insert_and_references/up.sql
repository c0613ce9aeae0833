-- main
grant references (id) on table public.profiles to authenticated;

-- main
grant insert (name) on table public.profiles to authenticated;

-- main
grant insert (bio) on table public.profiles to authenticated;
