-- main
revoke delete, insert, references, select, trigger, truncate, update on table public.items from service_role;
