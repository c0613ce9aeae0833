-- main
revoke select on table public.items from anon;
