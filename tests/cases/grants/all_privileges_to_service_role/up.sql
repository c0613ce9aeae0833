-- main
grant delete, insert, maintain, references, trigger, truncate, update on table public.jobs to service_role;
