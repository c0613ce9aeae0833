-- main
grant delete, insert, references, select, trigger, truncate, update on table public.items to service_role;
