-- main, weakens_security
grant select (id) on table public.items to authenticated;

-- main, weakens_security
grant select (name) on table public.items to authenticated;
