-- main
alter sequence public.slot_numbers as smallint;

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.slots alter column n type smallint using n::smallint;
