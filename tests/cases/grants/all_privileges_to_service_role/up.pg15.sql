-- main
grant delete, insert, references, trigger, truncate, update on table public.jobs to service_role;
