-- main
revoke usage on type public.mood from authenticated;

-- main, weakens_security
grant usage on type public.mood to public;
