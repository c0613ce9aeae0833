-- main
revoke select (bio) on table public.profiles from anon;
