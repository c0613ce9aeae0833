-- main, weakens_security
grant select on table public.items to authenticated;
