-- main
revoke select on table public.items from service_role;
