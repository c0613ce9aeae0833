-- main, weakens_security
grant select (bio) on table public.profiles to anon;
