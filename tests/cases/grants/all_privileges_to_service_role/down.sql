-- main
revoke delete, insert, maintain, references, trigger, truncate, update on table public.jobs from service_role;
