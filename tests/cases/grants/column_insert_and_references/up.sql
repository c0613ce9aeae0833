-- main, weakens_security
grant references (id) on table public.profiles to authenticated;

-- main, weakens_security
grant insert (name) on table public.profiles to authenticated;

-- main, weakens_security
grant insert (bio) on table public.profiles to authenticated;
