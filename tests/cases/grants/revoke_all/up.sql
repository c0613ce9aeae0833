-- main
revoke delete, insert, maintain, references, select, trigger, truncate, update on table public.items from service_role;
