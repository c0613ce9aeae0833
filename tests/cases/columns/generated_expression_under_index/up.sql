-- main, access_exclusive_lock
alter table public.people alter column full_name set expression as (((last || ', '::text) || first));
