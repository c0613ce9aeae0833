-- main, deletes_data, access_exclusive_lock
alter table public.users drop column fullname;

-- main, access_exclusive_lock
alter table public.users add column full_name text;
