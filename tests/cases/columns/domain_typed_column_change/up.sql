-- main, rewrites_table, access_exclusive_lock
alter table public.users alter column email type public.email using email::public.email;
