-- main
revoke select on table public.profiles from anon;

-- main, weakens_security
grant select (id) on table public.profiles to anon;

-- main, weakens_security
grant select (name) on table public.profiles to anon;
