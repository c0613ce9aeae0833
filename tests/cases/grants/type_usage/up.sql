-- main
grant usage on type public.mood to authenticated;

-- main
revoke usage on type public.mood from public;
