-- main
revoke select (id) on table public.profiles from anon;

-- main
revoke select (name) on table public.profiles from anon;

-- main, weakens_security
grant select on table public.profiles to anon;
