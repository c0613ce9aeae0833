-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.tickets alter column id type integer using id::integer;
