-- main
revoke delete, insert, references, trigger, truncate, update on table public.jobs from service_role;
