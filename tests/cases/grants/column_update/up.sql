-- main, weakens_security
grant update (name) on table public.items to authenticated;
