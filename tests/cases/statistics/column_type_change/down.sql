-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.addresses alter column zip type integer using zip::integer;
