-- main
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.items to service_role;
