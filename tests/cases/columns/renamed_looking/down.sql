-- main, deletes_data, access_exclusive_lock
alter table public.users drop column full_name;

-- main, access_exclusive_lock
alter table public.users add column fullname text;
